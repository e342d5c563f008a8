import { InvalidArgumentError } from 'commander';

/** Commander argument parser for the generator EMA's β: a number in [0, 1), 0 meaning off, e.g. `0.999`. */
export function parseEmaDecay(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n >= 1) {
    throw new InvalidArgumentError('expected a number in [0, 1), such as 0.999 (0 turns the average off).');
  }
  return n;
}
