import { describe, expect, test } from 'vitest';
import { compareGradients } from '../src/index';

describe('compareGradients(actual, expected, options)', () => {
  test('reports max absolute and relative error per parameter, with a floor for tiny entries', () => {
    // 1e-11 against 0 is judged against the floor 1e-6: relative 1e-5, below the first entry's ~1e-4.
    const result = compareGradients({ w: [1.0001, 1e-11] }, { w: [1, 0] }, { tolerance: 2e-4 });
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.maxAbsError).toBeCloseTo(1e-4, 10);
    expect(result.rows[0]!.maxRelativeError).toBeCloseTo(1e-4 / 1.0001, 10);
    expect(result.rows[0]!.worstIndex).toBe(0);
    expect(result.passed).toBe(true);
    expect(compareGradients({ w: [1e-9] }, { w: [0] }).rows[0]!.maxRelativeError).toBeCloseTo(1e-3, 12);
  });

  test('fails NaN and names mismatched parameters', () => {
    expect(compareGradients({ w: [Number.NaN] }, { w: [1] }).passed).toBe(false);
    expect(() => compareGradients({ v: [1] }, { w: [1] })).toThrow("no gradient for 'w' (have: v)");
    expect(() => compareGradients({ w: [1, 2] }, { w: [1] })).toThrow("'w' has 2 entries; expected 1");
  });
});
