import { describe, expect, test } from 'vitest';
import { frechetDistance } from '../src/node';
import { randomSpd } from './_random-spd';

describe('frechetDistance', () => {
  const stats = (mean: number[], covariance: number[]) => ({
    dim: mean.length,
    count: 10,
    mean: Float64Array.from(mean),
    covariance: Float64Array.from(covariance),
  });

  test('in one dimension it is (μ1 − μ2)² + (σ1 − σ2)²', () => {
    expect(frechetDistance(stats([1], [4]), stats([3], [9]))).toBeCloseTo(4 + 1, 12);
  });

  test('for diagonal covariances it is |Δμ|² + Σ(√a − √b)²', () => {
    const d = frechetDistance(stats([0, 1, 2], [1, 0, 0, 0, 4, 0, 0, 0, 9]), stats([1, 1, 0], [4, 0, 0, 0, 4, 0, 0, 0, 1]));
    expect(d).toBeCloseTo(1 + 4 + (1 + 0 + 4), 12);
  });

  test('is 0 for equal statistics and symmetric for non-commuting covariances', () => {
    const n = 12;
    const a = { dim: n, count: 50, mean: new Float64Array(n), covariance: randomSpd(n, 5) };
    const b = { dim: n, count: 50, mean: new Float64Array(n).fill(0.1), covariance: randomSpd(n, 9) };
    expect(frechetDistance(a, a)).toBeLessThan(1e-10);
    const ab = frechetDistance(a, b);
    expect(ab).toBeGreaterThan(0);
    expect(frechetDistance(b, a)).toBeCloseTo(ab, 10);
  });
});
