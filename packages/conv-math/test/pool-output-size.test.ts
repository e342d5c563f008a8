import { describe, expect, test } from 'vitest';
import { poolOutputSize } from '../src/index';

describe('poolOutputSize(options)', () => {
  test.each([
    [{ input: 28, kernel: 2 }, 14],
    [{ input: 15, kernel: 2 }, 7],
    [{ input: 15, kernel: 2, ceilMode: true }, 8],
    [{ input: 112, kernel: 3, stride: 2, padding: 1 }, 56],
    [{ input: 6, kernel: 3, stride: 2, ceilMode: true }, 3],
  ])('%o → %i', (options, expected) => {
    expect(poolOutputSize(options)).toBe(expected);
  });
});
