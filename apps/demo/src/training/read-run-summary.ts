import { readFile } from 'node:fs/promises';

/**
 * A run's summary file (losses.json, elbo.json) read back with its parser; undefined when it is missing
 * or not a summary, since what reads it (the seconds of earlier sessions, a hint) has a fallback.
 */
export async function readRunSummary<S>(path: string, parse: (text: string, where: string) => S): Promise<S | undefined> {
  try {
    return parse(await readFile(path, 'utf8'), path);
  } catch {
    return undefined;
  }
}
