import type * as tf from '@tensorflow/tfjs-core';
import { requireWasmKernels } from './wasm-kernels-for';

/** dlkit's kernel for a moving average's update; only the wasm backend has it (other backends compose tfjs ops). */
export const movingAverageKernelName = 'DlkitMovingAverage';

export interface MovingAverageAttrs {
  /** The average's weight, rounded to float32 as tf.mul(average, decay) rounds it. */
  decay: number;
  /** The new value's weight, Math.fround(1 − decay) as tf.mul(current, 1 − decay) rounds it. */
  oneMinusDecay: number;
}

/**
 * decay·average + (1 − decay)·current in one SIMD pass, where tfjs ops take three (two multiplies and an
 * add) and allocate two intermediates: a GAN's moving average of 1.5 M generator weights every step.
 */
export const wasmMovingAverageConfig: tf.KernelConfig = {
  kernelName: movingAverageKernelName,
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const kernels = requireWasmKernels(backend, movingAverageKernelName);
    const { average, current } = inputs as Record<string, tf.TensorInfo>;
    const { decay, oneMinusDecay } = attrs as unknown as MovingAverageAttrs;
    return kernels.movingAverage(average!, current!, decay, oneMinusDecay);
  },
};
