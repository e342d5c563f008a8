import { describe, expect, test } from 'vitest';
import { gradCheck } from '../src/index';

// f(a, b) = Σ a_k² b_k + sin(b_k): ∂f/∂a = 2ab, ∂f/∂b = a² + cos(b).
const params = () => ({ a: Float64Array.from([0.5, -1.2, 2]), b: Float64Array.from([0.3, 0.7, -0.4]) });
const f = (p: { a: Float64Array; b: Float64Array }) => {
  let loss = 0;
  for (let k = 0; k < p.a.length; k++) loss += p.a[k]! ** 2 * p.b[k]! + Math.sin(p.b[k]!);
  return loss;
};
const exact = (p: { a: Float64Array; b: Float64Array }) => ({
  a: p.a.map((a, k) => 2 * a * p.b[k]!),
  b: p.a.map((a, k) => a * a + Math.cos(p.b[k]!)),
});

describe('gradCheck(f, params, options)', () => {
  test('passes exact gradients with errors far below 1e-7, in both stencils', () => {
    for (const order of [2, 4] as const) {
      const p = params();
      const result = gradCheck((q) => ({ loss: f(q), gradients: exact(q) }), p, { order });
      expect(result.passed).toBe(true);
      expect(result.rows.map((row) => [row.parameter, row.entries, row.passed])).toEqual([
        ['a', 3, true],
        ['b', 3, true],
      ]);
      expect(result.maxRelativeError).toBeLessThan(order === 4 ? 1e-10 : 1e-8);
      expect(result.eps).toBe(order === 4 ? 1e-3 : 1e-5);
    }
  });

  test('restores params and accepts gradients through options', () => {
    const p = params();
    const result = gradCheck(f, p, { gradients: exact(params()) });
    expect(result.passed).toBe(true);
    expect(Array.from(p.a)).toEqual([0.5, -1.2, 2]);
  });

  test('fails a wrong gradient and points at the wrong entry', () => {
    const p = params();
    const wrong = exact(p);
    wrong.b[1] = wrong.b[1]! * (1 + 1e-4);
    const result = gradCheck(f, p, { gradients: wrong });
    expect(result.passed).toBe(false);
    const row = result.rows.find((r) => r.parameter === 'b')!;
    expect(row.passed).toBe(false);
    expect(row.worstIndex).toBe(1);
    expect(row.maxRelativeError).toBeCloseTo(1e-4, 6);
    expect(result.rows.find((r) => r.parameter === 'a')!.passed).toBe(true);
  });

  test('explains missing gradients, bad eps and non-finite losses', () => {
    expect(() => gradCheck(f, params())).toThrow("no analytic gradient for 'a'");
    expect(() => gradCheck(f, params(), { eps: 0, gradients: exact(params()) })).toThrow('eps must be a positive finite number; found 0');
    expect(() => gradCheck(() => Number.NaN, params(), { gradients: exact(params()) })).toThrow('f returned a loss of NaN');
  });
});
