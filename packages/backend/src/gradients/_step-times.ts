import * as tf from '@tensorflow/tfjs-core';
import { ourWasmKernelRuns } from '../wasm/_our-wasm-kernel';
import { activationGradKernelName } from '../wasm/wasm-activation-grad';

/**
 * dy · step(y, alpha): relu's gradient (alpha 0) and leakyRelu's, read off the layer's input or its
 * output (both are > 0 at the same places). On WASM one pass of dlkit's kernel; elsewhere tf.step and
 * tf.mul, the same values (NaN where y is NaN).
 */
export function stepTimes(dy: tf.Tensor, y: tf.Tensor, alpha: number): tf.Tensor {
  if (
    dy.dtype === 'float32' &&
    y.dtype === 'float32' &&
    tf.util.arraysEqual(dy.shape, y.shape) &&
    ourWasmKernelRuns(activationGradKernelName)
  ) {
    return tf.engine().runKernel(activationGradKernelName, { dy, y }, { alpha }) as tf.Tensor;
  }
  return tf.mul(dy, tf.step(y, alpha));
}

/** The kernel's own gradient, for gradients of gradients: linear in dy, flat in y. */
export const activationGradGradConfig: tf.GradConfig = {
  kernelName: activationGradKernelName,
  inputsToSave: ['y'],
  gradFunc: (g, saved, attrs) => {
    const [y] = saved as [tf.Tensor];
    const { alpha } = attrs as unknown as { alpha: number };
    return { dy: () => stepTimes(g as tf.Tensor, y, alpha), y: () => tf.zerosLike(y) };
  },
};
