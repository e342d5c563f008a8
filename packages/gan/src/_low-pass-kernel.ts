import * as tf from '@tensorflow/tfjs-core';

// The binomial filter [1, 2, 1] / 4: its response is zero at the highest frequency (−1)ⁿ.
const binomial = [0.25, 0.5, 0.25];
const foldings = new Map<number, Float32Array>();

/**
 * The kernel [k + 2, k + 2, out, in] of "this transposed convolution, then the binomial filter
 * [1, 2, 1]ᵀ[1, 2, 1] / 16 over its output" from its kernel [k, k, out, in]: the full 2-D convolution of
 * each spatial slice with the filter, one matMul by a fixed matrix so the gradient flows to the weights.
 * With 'same' padding at stride 2 this equals filtering the layer's whole output, borders included
 * (no zeros padded in).
 */
export function lowPassKernel(kernel: tf.Tensor4D): tf.Tensor4D {
  const [k, , out, inputs] = kernel.shape;
  return tf.tidy(() => {
    const folding = tf.tensor2d(foldingMatrix(k), [(k + 2) ** 2, k * k]);
    return tf.reshape(tf.matMul(folding, tf.reshape(kernel, [k * k, out * inputs])), [k + 2, k + 2, out, inputs]) as tf.Tensor4D;
  });
}

/** M[(r, c), (i, j)] = b[r − i]·b[c − j]: row (r, c) of the folded kernel takes tap (i, j) of the original. */
function foldingMatrix(k: number): Float32Array {
  let matrix = foldings.get(k);
  if (matrix) return matrix;
  const side = k + 2;
  matrix = new Float32Array(side * side * k * k);
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++)
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
          const weight = (binomial[r - i] ?? 0) * (binomial[c - j] ?? 0);
          matrix[(r * side + c) * k * k + i * k + j] = weight;
        }
  foldings.set(k, matrix);
  return matrix;
}
