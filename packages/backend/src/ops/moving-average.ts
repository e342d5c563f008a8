import * as tf from '@tensorflow/tfjs-core';
import { ourWasmKernelRuns } from '../wasm/_our-wasm-kernel';
import { type MovingAverageAttrs, movingAverageKernelName } from '../wasm/wasm-moving-average';
import { BackendError } from '../backend-error';

/**
 * One update of an exponential moving average: `decay·average + (1 − decay)·current`, for float32
 * tensors of one shape (a GAN's average of its generator's weights, say: `ema.assign(movingAverage(ema, w, 0.999))`).
 * With fast kernels on WASM it runs as one SIMD pass (`DlkitMovingAverage`) where the tfjs ops take
 * three; every other backend composes `tf.add(tf.mul(average, decay), tf.mul(current, 1 − decay))`, and
 * both give the same bits: the kernel rounds decay and 1 − decay to float32 as tfjs's scalars do and
 * each product before the sum (no fused multiply-add). Returns a new tensor; the inputs are not
 * disposed. Meant for updates outside gradient tapes: dlkit's kernel has no gradient.
 * A decay outside [0, 1], or tensors that are not both float32 of the same shape, throw a `BackendError`
 * of kind `'input'` naming what was found.
 */
export function movingAverage(average: tf.Tensor, current: tf.Tensor, decay: number): tf.Tensor {
  if (typeof decay !== 'number' || !(decay >= 0 && decay <= 1)) {
    throw new BackendError(`movingAverage: decay must be a number in [0, 1], found ${String(decay)}`, { kind: 'input' });
  }
  if (average.dtype !== 'float32' || current.dtype !== 'float32') {
    throw new BackendError(`movingAverage: average and current must be float32, found ${average.dtype} and ${current.dtype}`, {
      kind: 'input',
    });
  }
  if (!tf.util.arraysEqual(average.shape, current.shape)) {
    throw new BackendError(`movingAverage: average [${average.shape}] and current [${current.shape}] must have the same shape`, {
      kind: 'input',
    });
  }
  if (ourWasmKernelRuns(movingAverageKernelName)) {
    // the float32 scalars tf.mul(average, decay) and tf.mul(current, 1 − decay) would make
    const attrs: MovingAverageAttrs = { decay: Math.fround(decay), oneMinusDecay: Math.fround(1 - decay) };
    return tf.engine().runKernel(movingAverageKernelName, { average, current }, { ...attrs }) as tf.Tensor;
  }
  return tf.tidy(() => tf.add(tf.mul(average, decay), tf.mul(current, 1 - decay)));
}
