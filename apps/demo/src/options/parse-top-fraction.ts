import { InvalidArgumentError } from 'commander';

/** Commander argument parser for top-k training's fraction of fakes: a number in (0, 1], 1 meaning every fake, e.g. `0.75`. */
export function parseTopFraction(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 1) {
    throw new InvalidArgumentError('expected a number in (0, 1], such as 0.75 (1: every fake, as the reference).');
  }
  return n;
}
