import * as tf from '@tensorflow/tfjs-core';
import type { LstmSizes } from '../lstm-sizes';
import { unstackSteps } from './_unstack-steps';

/** The forward pass's results: the packed output and, per step, what the backward pass needs. */
export interface LstmSteps {
  /** [T+1, batch, H]: h_1 … h_T, then c_T (one tensor, so a custom gradient can carry both). */
  packed: tf.Tensor3D;
  /** Per step, each [batch, H+X]: [h_{t−1}; x_t], what W multiplies (and dW needs). */
  hx: tf.Tensor2D[];
  /** Per step, each [batch, H]: the gates, the cell state and its tanh. */
  i: tf.Tensor2D[];
  f: tf.Tensor2D[];
  o: tf.Tensor2D[];
  g: tf.Tensor2D[];
  c: tf.Tensor2D[];
  tanhC: tf.Tensor2D[];
}

/**
 * The LSTM forward pass in batched tfjs ops, one step at a time. W is transposed once so that every
 * product is a plain (non-transposed) matMul, which XNNPACK serves on wasm. Per-step results are kept
 * as separate tensors: slicing them back out of a stacked tensor is what is slow on wasm.
 */
export function lstmSteps(
  x: tf.Tensor3D,
  W: tf.Tensor2D,
  b: tf.Tensor1D | undefined,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
  sizes: LstmSizes,
): LstmSteps {
  const { steps: T } = sizes;
  // One product for the four gates on [h_{t−1}; x_t], then split: with @dlkit/backend's slices the
  // forward measured 21 against 25 ms (batch 64, 50 steps) for a product per gate, the same bits.
  const Wt = tf.transpose(W) as tf.Tensor2D;
  const xs = unstackSteps(x) as tf.Tensor2D[];
  const gates = (hx: tf.Tensor2D) => {
    const product = tf.matMul(hx, Wt);
    return tf.split(b ? tf.add(product, b) : product, 4, 1) as tf.Tensor2D[];
  };
  let h = h0;
  let c = c0;
  const hs: tf.Tensor2D[] = [];
  const steps: Omit<LstmSteps, 'packed'> = { hx: [], i: [], f: [], o: [], g: [], c: [], tanhC: [] };
  for (let t = 0; t < T; t++) {
    const hx = tf.concat([h, xs[t]!], 1) as tf.Tensor2D;
    const z = gates(hx);
    const i = tf.sigmoid(z[0]!) as tf.Tensor2D;
    const f = tf.sigmoid(z[1]!) as tf.Tensor2D;
    const o = tf.sigmoid(z[2]!) as tf.Tensor2D;
    const g = tf.tanh(z[3]!) as tf.Tensor2D;
    c = tf.add(tf.mul(f, c), tf.mul(i, g));
    const tanhC = tf.tanh(c);
    h = tf.mul(o, tanhC);
    hs.push(h);
    steps.hx.push(hx);
    steps.i.push(i);
    steps.f.push(f);
    steps.o.push(o);
    steps.g.push(g);
    steps.c.push(c);
    steps.tanhC.push(tanhC);
  }
  return { packed: tf.stack([...hs, c]) as tf.Tensor3D, ...steps };
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
