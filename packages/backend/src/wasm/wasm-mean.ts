import * as tf from '@tensorflow/tfjs-core';
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
    const rank = x.shape.length;
    if (x.dtype !== 'float32' || rank < 2 || tf.util.sizeFromShape(x.shape) === 0) return undefined;
    const axes = tf.util.parseAxisParam(axis, x.shape);
    const allButLastInOrder = axes.length === rank - 1 && axes.every((a, i) => a === i);
    return allButLastInOrder ? kernels.columnMeans(x, keepDims) : undefined;
  });
}
