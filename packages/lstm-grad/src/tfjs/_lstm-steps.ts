import * as tf from '@tensorflow/tfjs-core';
import type { LstmSizes } from '../lstm-sizes';
import { unstackSteps } from './_unstack-steps';

/** The forward pass's results: the packed output and, per step, what the backward pass needs. */
export interface LstmSteps {
  /** [T+1, batch, H]: h_1 … h_T, then c_T (one tensor, so a custom gradient can carry both). */
  packed: tf.Tensor3D;
  /** Per step, each [batch, 3H]: σ(î), σ(f̂), σ(ô) side by side. */
  sigmoidGates: tf.Tensor2D[];
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
export function lstmSteps(x: tf.Tensor3D, W: tf.Tensor2D, b: tf.Tensor1D | undefined, h0: tf.Tensor2D, c0: tf.Tensor2D, sizes: LstmSizes): LstmSteps {
  const { steps: T, input: X, hidden: H } = sizes;
  const [WhT, WxT] = tf.split(tf.transpose(W), [H, X], 0) as [tf.Tensor2D, tf.Tensor2D];
  const xs = unstackSteps(x) as tf.Tensor2D[];
  let h = h0;
  let c = c0;
  const hs: tf.Tensor2D[] = [];
  const steps: Omit<LstmSteps, 'packed'> = { sigmoidGates: [], i: [], f: [], o: [], g: [], c: [], tanhC: [] };
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
    steps.sigmoidGates.push(s);
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
