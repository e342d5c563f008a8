import * as tf from '@tensorflow/tfjs-core';
import type { LstmSizes } from '../lstm-sizes';
import { lstmInputs } from './_lstm-inputs';
import { type LstmSteps, lstmSteps, unpackLstm } from './_lstm-steps';
import { unstackSteps } from './_unstack-steps';
import type { LstmOutput, LstmParams, LstmState } from './lstm-params';

// What the backward pass reads: per step, [h_{t−1}; x_t], the gates, c_t and tanh(c_t).
const PER_STEP = ['hx', 'i', 'f', 'o', 'g', 'c', 'tanhC'] as const;
type SavedSteps = Pick<LstmSteps, (typeof PER_STEP)[number]>;

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
    const steps = lstmSteps(x, W, b, h0 ?? tf.zeros([sizes.batch, sizes.hidden]), c0 ?? tf.zeros([sizes.batch, sizes.hidden]), sizes);
    save(PER_STEP.flatMap((name) => steps[name]));
    return {
      value: steps.packed,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
        tf.tidy(() => {
          const T = sizes.steps;
          const restored = {} as SavedSteps;
          PER_STEP.forEach((name, k) => {
            restored[name] = saved.slice(k * T, (k + 1) * T) as tf.Tensor2D[];
          });
          const grads = lstmBackwardSteps(dy as tf.Tensor3D, restored, W, c0, sizes);
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
 * BPTT over the saved per-step tensors. Each step is a dozen small elementwise ops and one plain matMul
 * (W_h is sliced once); dW, db and dx are then one product each over all steps. h_0 enters only
 * through the saved [h_0; x_1].
 */
function lstmBackwardSteps(dy: tf.Tensor3D, saved: SavedSteps, W: tf.Tensor2D, c0: tf.Tensor2D | undefined, sizes: LstmSizes) {
  const { steps: T, batch: B, input: X, hidden: H } = sizes;
  const { hx, i, f, o, g, c, tanhC } = saved;
  const zeros = tf.zeros([B, H]) as tf.Tensor2D;
  const dhGiven = unstackSteps(tf.slice(dy, [0, 0, 0], [T, B, H]));
  const Wh = tf.slice(W, [0, 0], [4 * H, H]);
  const candidateMask = tf.concat([tf.zeros([1, 3 * H]), tf.ones([1, H])], 1);

  let dhNext: tf.Tensor | undefined;
  let dcNext: tf.Tensor = tf.reshape(tf.slice(dy, [T, 0, 0], [1, B, H]), [B, H]);
  const dz: tf.Tensor[] = new Array(T);
  for (let t = T - 1; t >= 0; t--) {
    const dh = dhNext ? tf.add(dhGiven[t]!, dhNext) : dhGiven[t]!;
    // δc_t = δh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + δc_{t+1} ⊙ f_{t+1}
    const dc = tf.add(tf.mul(dh, tf.mul(o[t]!, tf.sub(1, tf.square(tanhC[t]!)))), dcNext);
    // [δi; δf; δo; δg] = [δc ⊙ g; δc ⊙ c_{t−1}; δh ⊙ tanh(c); δc ⊙ i], then through σ′ and tanh′.
    const cPrevious = t > 0 ? c[t - 1]! : (c0 ?? zeros);
    const dGate = tf.mul(tf.concat([dc, dc, dh, dc], 1), tf.concat([g[t]!, cPrevious, tanhC[t]!, i[t]!], 1));
    // σ′ = a(1 − a) on the i, f, o blocks and tanh′ = 1 − g² = (1 − g)(g + 1) on the g block: (1 − a)(a + mask).
    const a = tf.concat([i[t]!, f[t]!, o[t]!, g[t]!], 1);
    const dzt = tf.mul(dGate, tf.mul(tf.sub(1, a), tf.add(a, candidateMask)));
    dz[t] = dzt;
    dhNext = tf.matMul(dzt, Wh);
    dcNext = tf.mul(dc, f[t]!);
  }
  const dZ = tf.reshape(tf.stack(dz), [T * B, 4 * H]);
  const inputs = tf.reshape(tf.stack(hx), [T * B, H + X]);
  // transpose once, then a plain matMul: a transposed operand is far slower on wasm (see TOOLCHAIN.md).
  const dW = tf.matMul(tf.transpose(dZ), inputs);
  const db = tf.sum(dZ, 0);
  const dx = tf.reshape(tf.matMul(dZ, tf.slice(W, [0, H], [4 * H, X])), [T, B, X]);
  return { dx, dW, db, dh0: dhNext!, dc0: dcNext };
}
