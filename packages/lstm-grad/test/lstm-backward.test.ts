import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { gradCheck, lstmBackward, lstmForward, lstmGradCheck } from '../src/index';
import { dot, randomCase } from './_random-lstm';

// L = Σ_t dh_t ⊙ h_t + dc ⊙ c_T, so ∂L/∂h_t = dh_t and ∂L/∂c_T = dc exactly.
function checkCase(
  T: number,
  B: number,
  X: number,
  H: number,
  seed: number,
  withBias: boolean,
  withState: boolean,
  withDc: boolean,
  floor?: number,
) {
  const problem = randomCase(T, B, X, H, seed);
  const { x, W, b, h0, c0, dh, dc } = problem;
  const params = { x: x.data, W: W.data, b: b.data, h0: h0.data, c0: c0.data };
  const names = ['x', 'W', ...(withBias ? ['b'] : []), ...(withState ? ['h0', 'c0'] : [])] as Array<keyof typeof params>;
  return gradCheck(
    () => {
      const run = lstmForward(x, { W, b: withBias ? b : undefined }, withState ? { h0, c0 } : {});
      const grads = lstmBackward(run, dh, withDc ? { dc } : {});
      const cLast = run.c.data.subarray((T - 1) * B * H);
      const loss = dot(run.h.data, dh.data) + (withDc ? dot(cLast, dc.data) : 0);
      return { loss, gradients: { x: grads.dx.data, W: grads.dW.data, b: grads.db.data, h0: grads.dh0.data, c0: grads.dc0.data } };
    },
    params,
    { tolerance: 1e-7, only: names, ...(floor === undefined ? {} : { floor }) },
  );
}

describe('lstmBackward(forward, dh, { dc })', () => {
  test('matches central differences to 1e-7 for x, W, b, h0, c0 (T=3, batch 2, X=3, H=2)', () => {
    const result = checkCase(3, 2, 3, 2, 1, true, true, true);
    expect(result.rows.map((row) => row.parameter)).toEqual(['x', 'W', 'b', 'h0', 'c0']);
    expect(result.maxRelativeError).toBeLessThan(1e-7);
    expect(result.passed).toBe(true);
  });

  test('matches central differences on random sizes, with and without bias, state and ∂L/∂c_T', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (T, B, X, H, seed, withBias, withState, withDc) => {
          // Float64 central differences are exact to ~1e-12 absolute, so a gradient entry near 1e-6 can
          // miss 1e-7 relative by rounding alone (T 4, B 2, X 2, H 4, seed −2147483635: an entry of W of
          // 5e-6 off by 6.5e-13). Entries under 1e-4 are judged by absolute error (≤ 1e-11); a wrong
          // formula errs by the size of the gradient itself.
          const result = checkCase(T, B, X, H, seed, withBias, withState, withDc, 1e-4);
          expect(result.maxRelativeError).toBeLessThanOrEqual(1e-7);
        },
      ),
      { numRuns: 25, examples: [[4, 2, 2, 4, -2147483635, true, true, true]] },
    );
  });

  test('per-step gradients obey the corrected recursions', () => {
    const { x, W, b, h0, c0, dh, dc } = randomCase(3, 2, 2, 3, 7);
    const run = lstmForward(x, { W, b }, { h0, c0 });
    const grads = lstmBackward(run, dh, { dc });
    const [B, H] = [2, 3];
    for (let t = 0; t < 3; t++) {
      for (let k = 0; k < B * H; k++) {
        const at = t * B * H + k;
        const cPrevious = t === 0 ? c0.data[k]! : run.c.data[at - B * H]!;
        const dcNext = t === 2 ? dc.data[k]! : grads.dc.data[at + B * H]! * run.gate.f.data[at + B * H]!;
        const tanhC = run.tanhC.data[at]!;
        expect(grads.dc.data[at]).toBeCloseTo(grads.dh.data[at]! * run.gate.o.data[at]! * (1 - tanhC * tanhC) + dcNext, 12);
        expect(grads.dGate.i.data[at]).toBeCloseTo(grads.dc.data[at]! * run.gate.g.data[at]!, 12);
        expect(grads.dGate.f.data[at]).toBeCloseTo(grads.dc.data[at]! * cPrevious, 12);
        expect(grads.dGate.o.data[at]).toBeCloseTo(grads.dh.data[at]! * tanhC, 12);
        expect(grads.dGate.g.data[at]).toBeCloseTo(grads.dc.data[at]! * run.gate.i.data[at]!, 12);
        const i = run.gate.i.data[at]!;
        const g = run.gate.g.data[at]!;
        expect(grads.dPreactivation.i.data[at]).toBeCloseTo(grads.dGate.i.data[at]! * i * (1 - i), 12);
        expect(grads.dPreactivation.g.data[at]).toBeCloseTo(grads.dGate.g.data[at]! * (1 - g * g), 12);
      }
    }
    // At the last step δh_T is exactly the given ∂L/∂h_T: nothing flows back from beyond the sequence.
    expect(Array.from(grads.dh.data.subarray(2 * B * H))).toEqual(Array.from(dh.data.subarray(2 * B * H)));
  });

  test('rejects dh and dc of the wrong shape, naming both shapes', () => {
    const { x, W, dh } = randomCase(2, 1, 2, 2, 3);
    const run = lstmForward(x, { W });
    expect(() => lstmBackward(run, { shape: [2, 1, 3], data: new Float64Array(6) })).toThrow(
      'dh must have shape [2, 1, 2]; found [2, 1, 3]',
    );
    expect(() => lstmBackward(run, dh, { dc: { shape: [2], data: new Float64Array(2) } })).toThrow('dc must have shape [1, 2]; found [2]');
  });
});

describe('lstmGradCheck(options)', () => {
  test('checks x, W, b, h0, c0 of a seeded random LSTM to 1e-7 and reports sizes and seed', () => {
    const result = lstmGradCheck({ steps: 3, batch: 2, input: 4, hidden: 3, seed: 42 });
    expect(result.rows.map((row) => [row.parameter, row.entries])).toEqual([
      ['x', 24],
      ['W', 84],
      ['b', 12],
      ['h0', 6],
      ['c0', 6],
    ]);
    expect(result.passed).toBe(true);
    expect(result.maxRelativeError).toBeLessThan(1e-7);
    expect(result).toMatchObject({ sizes: { steps: 3, batch: 2, input: 4, hidden: 3 }, seed: 42, tolerance: 1e-7 });
    expect(lstmGradCheck({ steps: 3, batch: 2, input: 4, hidden: 3, seed: 42 }).rows).toEqual(result.rows);
  });

  test('rejects sizes that are not positive integers', () => {
    expect(() => lstmGradCheck({ steps: 0 })).toThrow('steps must be a positive integer; found 0');
  });
});
