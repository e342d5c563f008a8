import { readFileSync } from 'node:fs';
import { ConvMathError, type NetworkSpec, networkPresets } from '../index';
import { UsageError, parseJson } from './_args';

/** A preset name (lenet5, lenet5-reduced) or the path of a JSON network { input, layers }. */
export function networkArg(command: string, arg: string | undefined): NetworkSpec {
  const names = Object.keys(networkPresets).join(', ');
  if (arg === undefined) throw new UsageError(`${command}: name a preset (${names}) or a JSON network file`);
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
