import { seededRandom } from '@dlkit/random';
import type { GradientCheckResult } from './compare-gradients';
import { type Float64Tensor, float64Tensor } from './float64-tensor';
import { gradCheck } from './grad-check';
import { lstmBackward } from './lstm-backward';
import { lstmForward } from './lstm-forward';
import type { LstmSizes } from './lstm-sizes';

export interface LstmGradCheckOptions {
  /** Sequence length T; default 4. */
  steps?: number;
  /** Batch size; default 2. */
  batch?: number;
  /** Input width X; default 3. */
  input?: number;
  /** Hidden units H; default 5. */
  hidden?: number;
  /** Seed of the random weights, inputs and loss; default 1. */
  seed?: number;
  /** Largest relative error that passes; default 1e-7. */
  tolerance?: number;
}

/**
 * The standard gradient check of the float64 LSTM, in one call: a seeded random LSTM (weights uniform in
 * ±0.6, inputs in ±1, initial state in ±0.5) and the loss L = Σ_t dh_t ⊙ h_t + dc ⊙ c_T with random dh, dc,
 * whose gradients lstmBackward computes, checked against fourth-order central differences for x, W, b,
 * h0 and c0. Returns gradCheck's rows (one per parameter) plus the sizes and seed used — what a
 * report's gradient-check table shows.
 *
 * @example lstmGradCheck({ steps: 5, hidden: 3 }).rows // [{ parameter: 'x', maxRelativeError: 3e-11, passed: true, … }, …]
 */
export function lstmGradCheck(options: LstmGradCheckOptions = {}): GradientCheckResult & { sizes: LstmSizes; seed: number } {
  const { steps = 4, batch = 2, input = 3, hidden = 5, seed = 1, tolerance = 1e-7 } = options;
  for (const [name, value] of Object.entries({ steps, batch, input, hidden })) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`lstmGradCheck: ${name} must be a positive integer; found ${value}`);
  }
  const next = seededRandom(seed);
  const fill = (shape: number[], scale: number): Float64Tensor =>
    float64Tensor(
      shape,
      Array.from({ length: shape.reduce((product, size) => product * size, 1) }, () => (next() * 2 - 1) * scale),
    );
  const x = fill([steps, batch, input], 1);
  const W = fill([4 * hidden, hidden + input], 0.6);
  const b = fill([4 * hidden], 0.6);
  const h0 = fill([batch, hidden], 0.5);
  const c0 = fill([batch, hidden], 0.5);
  const dh = fill([steps, batch, hidden], 1);
  const dc = fill([batch, hidden], 1);
  const lastStep = (steps - 1) * batch * hidden;

  const result = gradCheck(
    () => {
      const run = lstmForward(x, { W, b }, { h0, c0 });
      const grads = lstmBackward(run, dh, { dc });
      let loss = 0;
      for (let k = 0; k < dh.data.length; k++) loss += run.h.data[k]! * dh.data[k]!;
      for (let k = 0; k < dc.data.length; k++) loss += run.c.data[lastStep + k]! * dc.data[k]!;
      return { loss, gradients: { x: grads.dx.data, W: grads.dW.data, b: grads.db.data, h0: grads.dh0.data, c0: grads.dc0.data } };
    },
    { x: x.data, W: W.data, b: b.data, h0: h0.data, c0: c0.data },
    { tolerance },
  );
  return { ...result, sizes: { steps, batch, input, hidden }, seed };
}
