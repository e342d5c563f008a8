import * as tf from '@tensorflow/tfjs-core';
import { fastKernelsEnabled } from '../_fast-kernels-switch';

/** Activations a dense layer can apply. */
export type DenseActivation = 'linear' | 'relu' | 'leakyRelu' | 'sigmoid' | 'tanh';

/**
 * tanh(y) = 2σ(2y) − 1: WASM's Tanh kernel is scalar (~30 ms per million values here) while its
 * Sigmoid is XNNPACK's vectorized one (~1 ms); the result differs from tanh by ~1e-7 at most.
 */
export function tanhFromSigmoid(y: tf.Tensor): tf.Tensor {
  return tf.sub(tf.mul(tf.sigmoid(tf.mul(y, 2)), 2), 1);
}

/** activation(linear) as tfjs ops (tanh through sigmoid while fast kernels are on). */
export function applyActivation<T extends tf.Tensor>(linear: T, activation: DenseActivation, leakyAlpha: number): T {
  switch (activation) {
    case 'linear':
      return linear;
    case 'relu':
      return tf.relu(linear);
    case 'leakyRelu':
      return tf.leakyRelu(linear, leakyAlpha);
    case 'sigmoid':
      return tf.sigmoid(linear);
    case 'tanh':
      return (fastKernelsEnabled() ? tanhFromSigmoid(linear) : tf.tanh(linear)) as T;
  }
}
