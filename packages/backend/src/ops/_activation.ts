import * as tf from '@tensorflow/tfjs-core';
import { fastKernelsEnabled } from '../_fast-kernels-switch';

/** Activations a dense layer can apply. */
export type DenseActivation = 'linear' | 'relu' | 'leakyRelu' | 'sigmoid' | 'tanh';

/**
 * tanh(y) = 2σ(2y) − 1: XNNPACK's vectorized Sigmoid and three passes still beat WASM's Tanh (dlkit's,
 * computed in float64 to be correctly rounded, ~4.5 ns a value; stock's libm loop ~12–17 ns); the
 * result differs from tanh by ~1e-7 at most. Kept so the GANs' numbers stay what they were.
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
