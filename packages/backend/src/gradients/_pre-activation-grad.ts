import * as tf from '@tensorflow/tfjs-core';
import { BackendError } from '../backend-error';
import { stepTimes } from './_step-times';

/** Activations whose derivative can be read off the layer's output, so the backward pass needs no pre-activation. */
export type OutputDifferentiableActivation = 'linear' | 'relu' | 'leakyrelu' | 'sigmoid';

/**
 * dy · activation'(pre-activation), read off the layer's output y: y > 0 exactly where the pre-activation
 * is > 0 for relu and for leakyRelu with alpha ≥ 0, and σ' = y(1 − y). `kernel` names the fused kernel in errors.
 */
export function preActivationGrad(dy: tf.Tensor, y: tf.Tensor, activation: string, alpha: number, kernel = '_FusedMatMul'): tf.Tensor {
  switch (activation) {
    case 'linear':
      return dy;
    case 'relu':
      return stepTimes(dy, y, 0);
    case 'leakyrelu':
      if (alpha < 0) throw new BackendError(`${kernel} gradient: leakyreluAlpha must be ≥ 0, found ${alpha}`, { kind: 'input' });
      return stepTimes(dy, y, alpha);
    case 'sigmoid':
      return tf.mul(dy, tf.mul(y, tf.sub(1, y)));
    default:
      throw new BackendError(`${kernel} gradient: activation must be linear, relu, leakyrelu or sigmoid, found '${activation}'`, {
        kind: 'input',
      });
  }
}
