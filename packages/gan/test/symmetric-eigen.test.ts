import { describe, expect, test } from 'vitest';
import { symmetricEigen } from '../src/node';
import { randomSpd } from './_random-spd';

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
