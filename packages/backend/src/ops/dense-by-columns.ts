import * as tf from '@tensorflow/tfjs-core';
import { applyActivation } from './_activation';
import type { DenseOptions } from './dense';
import { BackendError } from '../backend-error';

/**
 * A fully connected layer for samples stored one per column: activation(weightsᵀ · x + bias) for
 * x [in, batch] and weights [in, out] — the same parameters as `dense` — returning [out, batch].
 *
 * On WASM this layout trains fastest. XNNPACK prepares ("packs") the right-hand operand of a product
 * each time it sees a new buffer, and optimizers replace every weight matrix each step: with samples in
 * rows the weights are that operand (packing the MNIST GAN's weights cost ~18 ms of a 120 ms step),
 * with samples in columns the small activations are, and the weights are only transposed (~0.5 ms).
 * Every gradient product stays untransposed too (see setFastKernels).
 */
export function denseByColumns(x: tf.Tensor2D, weights: tf.Tensor2D, bias?: tf.Tensor1D, options: DenseOptions = {}): tf.Tensor2D {
  const { activation = 'linear', leakyAlpha = 0.2 } = options;
  checkShapes(x, weights, bias);
  return tf.tidy(() => {
    const product = tf.matMul(weights, x, true, false) as tf.Tensor2D;
    const linear = bias ? tf.add<tf.Tensor2D>(product, tf.reshape(bias, [bias.size, 1])) : product;
    return applyActivation(linear, activation, leakyAlpha);
  });
}

function checkShapes(x: tf.Tensor, weights: tf.Tensor, bias: tf.Tensor | undefined): void {
  if (x.rank !== 2 || weights.rank !== 2) {
    throw new BackendError(
      `denseByColumns: x and weights must be 2-D ([in, batch] and [in, out]), found x [${x.shape}] and weights [${weights.shape}]`,
      { kind: 'input' },
    );
  }
  if (x.shape[0] !== weights.shape[0]) {
    throw new BackendError(
      `denseByColumns: x [${x.shape}] and weights [${weights.shape}] do not fit: x has ${x.shape[0]} rows (features), weights ${weights.shape[0]}`,
      { kind: 'input' },
    );
  }
  if (bias && (bias.rank !== 1 || bias.shape[0] !== weights.shape[1])) {
    throw new BackendError(`denseByColumns: bias must be [${weights.shape[1]}] for weights [${weights.shape}], found [${bias.shape}]`, {
      kind: 'input',
    });
  }
}
