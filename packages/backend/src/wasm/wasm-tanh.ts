import type * as tf from '@tensorflow/tfjs-core';
import { withWasmKernels } from './_wasm-kernel-override';

/**
 * wasm's Tanh on float32 in SIMD, each value computed in float64 and rounded once: stock calls libm's
 * tanhf per value (~12–17 ns each, 16 ms of an LSTM training step at batch 64 over 50 steps).
 */
export function fastTanhConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return withWasmKernels(stock, ({ inputs }, kernels) => {
    const x = inputs.x as tf.TensorInfo;
    return x.dtype === 'float32' ? kernels.tanh(x) : undefined;
  });
}
