import * as tf from '@tensorflow/tfjs-core';

/**
 * The transpose of a matrix. WASM's 2-D Transpose kernel is 4–20× slower when the output's rows are
 * long multiples of 128 values (cache-set conflicts: 10 ms for [1024, 784] against 0.5 ms for
 * [784, 1024]); its N-D path is not, so such matrices go through it: [r, c] → [2, r/2, c] →
 * permute [2, 0, 1] → [c, 2, r/2] → [c, r], the same values.
 */
export function transposeMatrix(x: tf.Tensor2D): tf.Tensor2D {
  const [rows, columns] = x.shape;
  if (rows % 128 !== 0 || rows < 512 || rows < columns) return tf.transpose(x);
  return tf.reshape(tf.transpose(tf.reshape(x, [2, rows / 2, columns]), [2, 0, 1]), [columns, rows]);
}
