import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Removes the named files from `dir`; a name that is not there is fine. */
export async function removeFiles(dir: string, names: readonly string[]): Promise<void> {
  await Promise.all(names.map((name) => rm(join(dir, name), { force: true })));
}
