import { InvalidArgumentError } from 'commander';

/** Commander argument parser for Adam's learning rate: a number in (0, 1), e.g. `2e-4` or `0.0005`. */
export function parseLearningRate(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n >= 1) {
    throw new InvalidArgumentError('expected a number between 0 and 1, such as 2e-4.');
  }
  return n;
}
