import { InvalidArgumentError } from 'commander';

/** Commander argument parser for random seeds: a whole number from 0 to 2^32 − 1. */
export function parseSeed(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n > 0xffffffff) {
    throw new InvalidArgumentError('expected a whole number from 0 to 4294967295.');
  }
  return n;
}
