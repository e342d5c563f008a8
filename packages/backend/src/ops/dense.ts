import * as tf from '@tensorflow/tfjs-core';
import { applyActivation, type DenseActivation, tanhFromSigmoid } from './_activation';
import { fastKernelsEnabled } from '../_fast-kernels-switch';
import { BackendError } from '../backend-error';

export type { DenseActivation } from './_activation';

export interface DenseOptions {
  activation?: DenseActivation;
  /** Slope for negative inputs of 'leakyRelu'. */
  leakyAlpha?: number;
}

const fusedActivations: Partial<Record<DenseActivation, string>> = {
  linear: 'linear',
  relu: 'relu',
  leakyRelu: 'leakyrelu',
  sigmoid: 'sigmoid',
  tanh: 'linear', // tanh is applied after the fused product
};

/**
 * A fully connected layer, activation(x · weights + bias), for x [batch, in] and weights [in, out].
 * Every dlkit model builds its layers from this op so that faster kernels reach all of them: with fast
 * kernels on (see setFastKernels) it runs as one fused kernel whose gradient keeps every product on
 * the fast untransposed path and computes only the gradients backprop needs.
 */
export function dense(x: tf.Tensor2D, weights: tf.Tensor2D, bias?: tf.Tensor1D, options: DenseOptions = {}): tf.Tensor2D {
  const { activation = 'linear', leakyAlpha = 0.2 } = options;
  checkShapes(x, weights, bias);
  const fused = fusedActivations[activation];
  const float32 = x.dtype === 'float32' && weights.dtype === 'float32' && (bias === undefined || bias.dtype === 'float32');
  if (fastKernelsEnabled() && fused !== undefined && float32 && !(activation === 'leakyRelu' && leakyAlpha < 0)) {
    return tf.tidy(() => {
      const [batch, inputs] = x.shape;
      const outputs = weights.shape[1];
      const product = tf
        .engine()
        .runKernel(
          tf._FusedMatMul,
          { a: tf.reshape(x, [1, batch, inputs]), b: tf.reshape(weights, [1, inputs, outputs]), ...(bias ? { bias } : {}) },
          { transposeA: false, transposeB: false, activation: fused, leakyreluAlpha: leakyAlpha },
        ) as tf.Tensor3D;
      const y = tf.reshape(product, [batch, outputs]);
      return (activation === 'tanh' ? tanhFromSigmoid(y) : y) as tf.Tensor2D;
    });
  }
  return tf.tidy(() => applyActivation(bias ? tf.add(tf.matMul(x, weights), bias) : tf.matMul(x, weights), activation, leakyAlpha));
}

/** The fused kernel does not check shapes itself: one clear error here instead of a wrong result. */
function checkShapes(x: tf.Tensor, weights: tf.Tensor, bias: tf.Tensor | undefined): void {
  if (x.rank !== 2 || weights.rank !== 2) {
    throw new BackendError(
      `dense: x and weights must be 2-D ([batch, in] and [in, out]), found x [${x.shape}] and weights [${weights.shape}]`,
      { kind: 'input' },
    );
  }
  if (x.shape[1] !== weights.shape[0]) {
    throw new BackendError(
      `dense: x [${x.shape}] and weights [${weights.shape}] do not fit: x has ${x.shape[1]} columns, weights ${weights.shape[0]} rows`,
      { kind: 'input' },
    );
  }
  if (bias && (bias.rank !== 1 || bias.shape[0] !== weights.shape[1])) {
    throw new BackendError(`dense: bias must be [${weights.shape[1]}] for weights [${weights.shape}], found [${bias.shape}]`, {
      kind: 'input',
    });
  }
}
