import { PlotInputError } from './plot-input-error';

export function checkPositiveInteger(fn: string, name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new PlotInputError(`${fn}: ${name} must be a positive integer, found ${String(value)}`);
  }
  return value;
}

export function checkNonNegativeInteger(fn: string, name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new PlotInputError(`${fn}: ${name} must be a non-negative integer, found ${String(value)}`);
  }
  return value;
}

export function checkRange(fn: string, name: string, range: unknown): [number, number] {
  if (!Array.isArray(range) || range.length !== 2 || !Number.isFinite(range[0]) || !Number.isFinite(range[1]) || !(range[0] < range[1])) {
    throw new PlotInputError(`${fn}: ${name} must be [min, max] with finite min < max, found ${JSON.stringify(range)}`);
  }
  return [range[0], range[1]];
}
