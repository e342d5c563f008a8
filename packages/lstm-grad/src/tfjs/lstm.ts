import * as tf from '@tensorflow/tfjs-core';
import type { LstmSizes } from '../lstm-sizes';
import { lstmInputs } from './_lstm-inputs';
import { type LstmSteps, lstmSteps, unpackLstm } from './_lstm-steps';
import type { LstmOutput, LstmParams, LstmState } from './lstm-params';

/**
 * An LSTM over a whole sequence as one tfjs op whose gradient is the analytic backpropagation through
 * time (batched, float32), not tfjs autodiff: x [T, batch, X], W [4H, H+X] on [h_{t−1}; x_t] with
 * gates in order i, f, o, g, optional b [4H], h0 and c0 [batch, H] (zeros by default).
 * Gradients reach x, W, b, h0 and c0 from any use of h, hT and cT, so it works in tf.grads,
 * tf.variableGrads and optimizer.minimize. Throws LstmShapeError for wrong shapes, TypeError for non-float32.
 *
 * @example
 * const loss = () => tf.tidy(() => tf.mean(tf.square(tf.sub(lstm(x, { W, b }).hT, target))));
 * optimizer.minimize(loss);
 */
export function lstm(x: tf.Tensor3D, params: LstmParams, state: LstmState = {}): LstmOutput {
  const sizes = lstmInputs(x, params, state);
  const { W, b } = params;
  const { h0, c0 } = state;
  // customGrad takes tensors only, so optional inputs join the list when present.
  const inputs: tf.Tensor[] = [x, W];
  if (b) inputs.push(b);
  if (h0) inputs.push(h0);
  if (c0) inputs.push(c0);

  const op = tf.customGrad((...args: unknown[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const h0Used = h0 ?? tf.zeros([sizes.batch, sizes.hidden]);
    const c0Used = c0 ?? tf.zeros([sizes.batch, sizes.hidden]);
    const steps = lstmSteps(x, W, b, h0Used, c0Used, sizes) as LstmSteps;
    save([steps.packed, steps.sigmoidGates, steps.g, steps.c, steps.tanhC]);
    return {
      value: steps.packed,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
        tf.tidy(() => {
          const [packed, sigmoidGates, g, c, tanhC] = saved as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, tf.Tensor3D];
          const grads = lstmBackwardSteps(dy as tf.Tensor3D, { packed, sigmoidGates, g, c, tanhC }, x, W, h0, c0, sizes);
          const result: tf.Tensor[] = [grads.dx, grads.dW];
          if (b) result.push(grads.db);
          if (h0) result.push(grads.dh0);
          if (c0) result.push(grads.dc0);
          return result;
        }),
    };
  });
  return tf.tidy(() => unpackLstm(op(...inputs) as tf.Tensor3D, sizes));
}

/**
 * BPTT over saved forward results. The per-step work is six small ops and one plain matMul: the gate
 * factors that do not depend on the incoming gradient are formed for all steps at once beforehand.
 */
function lstmBackwardSteps(
  dy: tf.Tensor3D,
  saved: LstmSteps,
  x: tf.Tensor3D,
  W: tf.Tensor2D,
  h0: tf.Tensor2D | undefined,
  c0: tf.Tensor2D | undefined,
  sizes: LstmSizes,
) {
  const { steps: T, batch: B, input: X, hidden: H } = sizes;
  const { packed, sigmoidGates, g, c, tanhC } = saved;
  const zeros = () => tf.zeros([1, B, H]);
  const [i, f, o] = tf.split(sigmoidGates, 3, 2) as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D];
  const previous = (first: tf.Tensor2D | undefined, sequence: tf.Tensor3D) =>
    T === 1 ? (first ? tf.expandDims(first, 0) : zeros()) : tf.concat([first ? tf.expandDims(first, 0) : zeros(), tf.slice(sequence, [0, 0, 0], [T - 1, B, H])], 0);
  const cPrevious = previous(c0, c);
  const hPrevious = previous(h0, tf.slice(packed, [0, 0, 0], [T, B, H]));

  // δẑ_t = [δc ⊙ g ⊙ σ′(î); δc ⊙ c_{t−1} ⊙ σ′(f̂); δh ⊙ tanh(c) ⊙ σ′(ô); δc ⊙ i ⊙ (1 − g²)] = [δc, δc, δh, δc] ⊙ gateFactor.
  const [si, sf, so] = tf.split(tf.mul(sigmoidGates, tf.sub(1, sigmoidGates)), 3, 2);
  const gateFactor = stepRows(tf.concat([tf.mul(g, si!), tf.mul(cPrevious, sf!), tf.mul(tanhC, so!), tf.mul(i, tf.sub(1, tf.square(g)))], 2));
  // δc_t = δh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + δc_{t+1} ⊙ f_{t+1}.
  const cellFactor = stepRows(tf.mul(o, tf.sub(1, tf.square(tanhC))));
  const forget = stepRows(f);
  const dhGiven = stepRows(tf.slice(dy, [0, 0, 0], [T, B, H]));
  const Wh = tf.slice(W, [0, 0], [4 * H, H]);

  let dhNext: tf.Tensor | undefined;
  let dcNext: tf.Tensor = tf.reshape(tf.slice(dy, [T, 0, 0], [1, B, H]), [B, H]);
  const dz: tf.Tensor[] = new Array(T);
  for (let t = T - 1; t >= 0; t--) {
    const dh = dhNext ? tf.add(dhGiven(t), dhNext) : dhGiven(t);
    const dc = tf.add(tf.mul(dh, cellFactor(t)), dcNext);
    const dzt = tf.mul(tf.concat([dc, dc, dh, dc], 1), gateFactor(t));
    dz[t] = dzt;
    dhNext = tf.matMul(dzt, Wh);
    dcNext = tf.mul(dc, forget(t));
  }
  const dZ = tf.reshape(tf.stack(dz), [T * B, 4 * H]);
  const inputs = tf.reshape(tf.concat([hPrevious, x], 2), [T * B, H + X]);
  // transpose once, then a plain matMul: a transposed operand is far slower on wasm (see TOOLCHAIN.md).
  const dW = tf.matMul(tf.transpose(dZ), inputs);
  const db = tf.sum(dZ, 0);
  const dx = tf.reshape(tf.matMul(dZ, tf.slice(W, [0, H], [4 * H, X])), [T, B, X]);
  return { dx, dW, db, dh0: dhNext!, dc0: dcNext };
}

/**
 * Step t of a [T, batch, n] tensor as [batch, n], by gather: the wasm backend's Slice/Unpack copy the
 * whole input buffer for every slice (50 steps of a 6 MB tensor: 300 MB of copying), Gather only the row.
 */
function stepRows(sequence: tf.Tensor): (t: number) => tf.Tensor2D {
  const [T, B, n] = sequence.shape as [number, number, number];
  const flat = tf.reshape(sequence, [T, B * n]);
  return (t) => tf.reshape(tf.gather(flat, t), [B, n]);
}
