import type * as tf from '@tensorflow/tfjs-core';

/** LSTM weights as tensors: W [4H, H+X] acting on [h_{t−1}; x_t], rows in gate order i, f, o, g; b [4H]. */
export interface LstmParams {
  W: tf.Tensor2D;
  b?: tf.Tensor1D | undefined;
}

/** Initial state, each [batch, H]; zeros where left out. */
export interface LstmState {
  h0?: tf.Tensor2D | undefined;
  c0?: tf.Tensor2D | undefined;
}

/** What `lstm` returns; the caller owns (and disposes) all three tensors. */
export interface LstmOutput {
  /** Hidden states h_1 … h_T, [T, batch, H]. */
  h: tf.Tensor3D;
  /** The final hidden state h_T, [batch, H]. */
  hT: tf.Tensor2D;
  /** The final cell state c_T, [batch, H]. */
  cT: tf.Tensor2D;
}
