import type * as tf from '@tensorflow/tfjs-core';
import { withWasmKernels } from './_wasm-kernel-override';

/**
 * wasm's Transpose, with dlkit's SIMD kernel for the permutation every matMul gradient needs: the last
 * two axes swapped. Stock wasm runs it 2–10× slower and 10× slower still when the output's rows are
 * long multiples of 128 values (cache-set conflicts: 6 ms for a [1024, 784] matrix against 0.6 ms).
 */
export function fastTransposeConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return withWasmKernels(stock, ({ inputs, attrs }, kernels) => {
    const x = inputs.x as tf.TensorInfo;
    const { perm } = attrs as unknown as tf.TransposeAttrs;
    const fourByte = x.dtype === 'float32' || x.dtype === 'int32';
    return fourByte && swapsLastTwoAxes(perm) ? kernels.transposeLastTwo(x) : undefined;
  });
}

function swapsLastTwoAxes(perm: readonly number[]): boolean {
  const rank = perm.length;
  if (rank < 2 || perm[rank - 2] !== rank - 1 || perm[rank - 1] !== rank - 2) return false;
  return perm.slice(0, -2).every((axis, i) => axis === i);
}
