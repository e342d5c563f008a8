import { describe, expect, test } from 'vitest';
import { featureStatistics, frechetDistance, mnistScore, symmetricEigen } from '../src/index';

function randomMatrix(n: number, seed: number): Float64Array {
  let state = seed;
  const m = new Float64Array(n * n);
  for (let i = 0; i < m.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    m[i] = state / 2 ** 32 - 0.5;
  }
  return m;
}

/** X·Xᵀ/n + ridge·I: symmetric positive definite. */
function randomSpd(n: number, seed: number, ridge = 0.01): Float64Array {
  const x = randomMatrix(n, seed);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) out[i * n + j]! += (x[i * n + k]! * x[j * n + k]!) / n;
  for (let i = 0; i < n; i++) out[i * n + i]! += ridge;
  return out;
}

describe('symmetricEigen', () => {
  test('symmetricEigen([[2,1],[1,2]]) has eigenvalues 1 and 3', () => {
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
    expect(Math.abs(vectors[0]!)).toBeCloseTo(Math.SQRT1_2, 14);
  });

  test('V·Λ·Vᵀ rebuilds a random 40×40 symmetric matrix and V is orthonormal', () => {
    const n = 40;
    const a = randomSpd(n, 3);
    const { values, vectors } = symmetricEigen(a, n);
    let worst = 0;
    let worstOrtho = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let rebuilt = 0;
        let dot = 0;
        for (let k = 0; k < n; k++) {
          rebuilt += vectors[i * n + k]! * values[k]! * vectors[j * n + k]!;
          dot += vectors[k * n + i]! * vectors[k * n + j]!;
        }
        worst = Math.max(worst, Math.abs(rebuilt - a[i * n + j]!));
        worstOrtho = Math.max(worstOrtho, Math.abs(dot - (i === j ? 1 : 0)));
      }
    }
    expect(worst).toBeLessThan(1e-13);
    expect(worstOrtho).toBeLessThan(1e-13);
    expect([...values].every((v, i) => i === 0 || v >= values[i - 1]!)).toBe(true);
  });

  test('bad input throws a RangeError naming it', () => {
    expect(() => symmetricEigen([1, 2, 3], 2)).toThrow('expected 2 × 2 = 4 entries, found 3');
    expect(() => symmetricEigen([1, Number.NaN, 0, 1], 2)).toThrow('entry (0, 1) is NaN');
  });
});

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

  test('featureStatistics gives the mean and the unbiased covariance', () => {
    const s = featureStatistics([1, 2, 3, 6, 5, 10], 3, 2);
    expect(Array.from(s.mean)).toEqual([3, 6]);
    expect(Array.from(s.covariance)).toEqual([4, 8, 8, 16]);
    expect(() => featureStatistics([1, 2], 1, 2)).toThrow(RangeError);
  });
});

describe('mnistScore', () => {
  const oneHot = (labels: number[]) => labels.flatMap((label) => Array.from({ length: 10 }, (_, c) => (c === label ? 1 : 0)));

  test('is 10 for confident, balanced predictions and 1 for one class or for uniform ones', () => {
    expect(mnistScore(oneHot([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 10)).toBeCloseTo(10, 12);
    expect(mnistScore(oneHot([3, 3, 3, 3]), 4)).toBeCloseTo(1, 12);
    expect(mnistScore(new Array(50).fill(0.1), 5)).toBeCloseTo(1, 12);
    expect(mnistScore(oneHot([0, 1, 0, 1]), 4)).toBeCloseTo(2, 12);
  });

  test('bad rows throw a RangeError', () => {
    expect(() => mnistScore([0.5, 0.5], 1)).toThrow('expected 1 × 10 probabilities, found 2');
    expect(() => mnistScore(new Array(10).fill(Number.NaN), 1)).toThrow('probability (0, 0) is NaN');
  });
});
