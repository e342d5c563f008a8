import { readFileSync } from 'node:fs';
import { ConvMathError, type NetworkSpec, networkPresets } from '../index';
import { UsageError, parseJson } from './_args';

/**
 * A preset name (lenet5, lenet5-reduced), the path of a JSON network { input, layers }, or the JSON
 * itself on stdin: with `-`, or with no argument when something is piped in (as `conv` reads its job).
 */
export function networkArg(command: string, arg: string | undefined, readStdin: () => string): NetworkSpec {
  const names = Object.keys(networkPresets).join(', ');
  if (arg === undefined || arg === '-') {
    const text = readStdin();
    if (text.trim() !== '') return parseJson('stdin', text) as NetworkSpec;
    if (arg === '-') throw new ConvMathError(`${command} - reads a JSON network on stdin; found nothing`);
    throw new UsageError(`${command}: name a preset (${names}) or a JSON network file, or pipe the JSON on stdin`);
  }
  if (Object.hasOwn(networkPresets, arg)) return networkPresets[arg as keyof typeof networkPresets];
  if (!arg.endsWith('.json')) throw new ConvMathError(`unknown network ${JSON.stringify(arg)}; presets are ${names}, or give a .json file`);
  let text: string;
  try {
    text = readFileSync(arg, 'utf8');
  } catch (error) {
    throw new ConvMathError(`cannot read ${arg}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseJson(arg, text) as NetworkSpec;
}
