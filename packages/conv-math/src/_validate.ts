import { ConvMathError } from './conv-math-error';

// Shared input checks, so every public function words its errors the same way.

export function requireInteger(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    const expected = min === 0 ? 'a non-negative integer' : min === 1 ? 'a positive integer' : `an integer ≥ ${min}`;
    throw new ConvMathError(`${name} must be ${expected}; found ${describeValue(value)}`);
  }
  return value;
}

/** A number or a [first, second] pair, as stride and dilation take per axis. */
export function requirePair(name: string, value: unknown, fallback: number, min: number): [number, number] {
  if (value === undefined) return [fallback, fallback];
  if (typeof value === 'number') {
    requireInteger(name, value, min);
    return [value, value];
  }
  if (Array.isArray(value) && value.length === 2) {
    return [requireInteger(`${name}[0]`, value[0], min), requireInteger(`${name}[1]`, value[1], min)];
  }
  throw new ConvMathError(`${name} must be a number or a pair [height, width]; found ${describeValue(value)}`);
}

export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) {
    const text = JSON.stringify(value);
    return text.length > 40 ? `an array of length ${value.length}` : text;
  }
  return typeof value;
}
