import type * as tf from '@tensorflow/tfjs-core';
import { reducesAllButLastInOrder } from './_reduces-all-but-last';
import { withWasmKernels } from './_wasm-kernel-override';

/**
 * wasm's Mean, with dlkit's SIMD column sums when every axis but the last is reduced (batch
 * normalization's per-channel statistics over [batch, height, width]): stock first transposes the
 * reduced axes innermost, a copy of the whole tensor. The same bits: each column summed in the same
 * order, then divided by the count in float32.
 */
export function fastMeanConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return withWasmKernels(stock, ({ inputs, attrs }, kernels) => {
    const x = inputs.x as tf.TensorInfo;
    const { axis, keepDims } = attrs as unknown as tf.MeanAttrs;
    return reducesAllButLastInOrder(x, axis) ? kernels.columnMeans(x, keepDims) : undefined;
  });
}
