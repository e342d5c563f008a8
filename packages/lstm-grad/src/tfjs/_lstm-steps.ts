import * as tf from '@tensorflow/tfjs-core';
import type { LstmSizes } from '../lstm-sizes';

/** The forward pass's per-sequence results, each stacked over time. */
export interface LstmSteps {
  /** [T+1, batch, H]: h_1 … h_T, then c_T (one tensor, so a custom gradient can carry both). */
  packed: tf.Tensor3D;
  /** σ(î), σ(f̂), σ(ô) side by side, [T, batch, 3H]. */
  sigmoidGates: tf.Tensor3D;
  /** g_t = tanh(ĝ_t), [T, batch, H]. */
  g: tf.Tensor3D;
  /** c_t, [T, batch, H]. */
  c: tf.Tensor3D;
  /** tanh(c_t), [T, batch, H]. */
  tanhC: tf.Tensor3D;
}

/**
 * The LSTM forward pass in batched tfjs ops. W is transposed once so that every product is a plain
 * (non-transposed) matMul, which XNNPACK serves on wasm.
 */
export function lstmSteps(
  x: tf.Tensor3D,
  W: tf.Tensor2D,
  b: tf.Tensor1D | undefined,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
  sizes: LstmSizes,
  keepGates = true,
): LstmSteps | Pick<LstmSteps, 'packed'> {
  const { steps: T, batch: B, input: X, hidden: H } = sizes;
  const [WhT, WxT] = tf.split(tf.transpose(W), [H, X], 0) as [tf.Tensor2D, tf.Tensor2D];
  // Per-step inputs come from unstacking x, not a projection of all steps: the wasm backend copies a
  // tensor's whole buffer for every slice it takes, and x is 4H/X times smaller than its projection.
  // tfjs's Unpack gradient fails for a single output (it gets a tensor, not a list), so T = 1 reshapes.
  const xs = T === 1 ? [tf.reshape(x, [B, X]) as tf.Tensor2D] : (tf.unstack(x) as tf.Tensor2D[]);
  let h = h0;
  let c = c0;
  const hs: tf.Tensor2D[] = [];
  const sigmoids: tf.Tensor2D[] = [];
  const gs: tf.Tensor2D[] = [];
  const cs: tf.Tensor2D[] = [];
  const tanhCs: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    const product = tf.add(tf.matMul(xs[t]!, WxT), tf.matMul(h, WhT));
    const z = b ? tf.add(product, b) : product;
    const [zSigmoid, zG] = tf.split(z, [3 * H, H], 1) as [tf.Tensor2D, tf.Tensor2D];
    const s = tf.sigmoid(zSigmoid);
    const g = tf.tanh(zG);
    const [i, f, o] = tf.split(s, 3, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    c = tf.add(tf.mul(f, c), tf.mul(i, g));
    const tanhC = tf.tanh(c);
    h = tf.mul(o, tanhC);
    hs.push(h);
    if (keepGates) {
      sigmoids.push(s);
      gs.push(g);
      cs.push(c);
      tanhCs.push(tanhC);
    }
  }
  if (!keepGates) return { packed: tf.stack([...hs, c]) as tf.Tensor3D };
  return {
    packed: tf.stack([...hs, c]) as tf.Tensor3D,
    sigmoidGates: tf.stack(sigmoids) as tf.Tensor3D,
    g: tf.stack(gs) as tf.Tensor3D,
    c: tf.stack(cs) as tf.Tensor3D,
    tanhC: tf.stack(tanhCs) as tf.Tensor3D,
  };
}

/** Splits the packed [T+1, batch, H] result into the op's outputs. */
export function unpackLstm(packed: tf.Tensor3D, sizes: LstmSizes): { h: tf.Tensor3D; hT: tf.Tensor2D; cT: tf.Tensor2D } {
  const { steps: T, batch: B, hidden: H } = sizes;
  return {
    h: tf.slice(packed, [0, 0, 0], [T, B, H]),
    hT: tf.reshape(tf.slice(packed, [T - 1, 0, 0], [1, B, H]), [B, H]),
    cT: tf.reshape(tf.slice(packed, [T, 0, 0], [1, B, H]), [B, H]),
  };
}
