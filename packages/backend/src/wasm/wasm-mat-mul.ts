import type * as tf from '@tensorflow/tfjs-core';
import { withWasmKernels } from './_wasm-kernel-override';

/**
 * wasm's BatchMatMul or _FusedMatMul with transposed operands materialized first: XNNPACK serves only
 * untransposed products (20–30 GFLOP/s a thread), the transposed ones fall to a loop 10–50× slower,
 * and dlkit's transpose kernel costs about one pass over the operand. The transposes are kept with their
 * source buffer: between two updates a weight matrix is transposed once however often it is used
 * (denseByColumns multiplies by weightsᵀ; a GAN step uses each weight version twice).
 */
export function untransposedMatMulConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return withWasmKernels(stock, (args, kernels) => {
    const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
    const a = args.inputs.a as tf.TensorInfo;
    const b = args.inputs.b as tf.TensorInfo;
    if (!(transposeA || transposeB) || a.dtype !== 'float32' || b.dtype !== 'float32') return undefined;
    return stock.kernelFunc({
      ...args,
      inputs: { ...args.inputs, a: transposeA ? kernels.transposeLastTwoOnce(a) : a, b: transposeB ? kernels.transposeLastTwoOnce(b) : b },
      attrs: { ...args.attrs, transposeA: false, transposeB: false },
    }) as tf.TensorInfo;
  });
}
