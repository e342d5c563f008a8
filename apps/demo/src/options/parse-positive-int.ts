import { InvalidArgumentError } from 'commander';

/** Commander argument parser for counts (epochs, batch size, limits): a whole number ≥ 1. */
export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('expected a whole number ≥ 1.');
  }
  return n;
}
