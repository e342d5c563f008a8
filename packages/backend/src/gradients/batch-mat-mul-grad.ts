import * as tf from '@tensorflow/tfjs-core';
import { matMulUntransposed } from './_mat-mul-untransposed';

/** BatchMatMul's gradient (tf.matMul) with every product untransposed, so XNNPACK serves it on WASM. */
export const batchMatMulGradConfig: tf.GradConfig = {
  kernelName: tf.BatchMatMul,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy, saved, attrs) => {
    const [a, b] = saved as [tf.Tensor, tf.Tensor];
    const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
    const grad = dy as tf.Tensor;
    if (!transposeA && !transposeB) {
      return { a: () => matMulUntransposed(grad, b, false, true), b: () => matMulUntransposed(a, grad, true, false) };
    }
    if (!transposeA && transposeB) {
      return { a: () => matMulUntransposed(grad, b, false, false), b: () => matMulUntransposed(grad, a, true, false) };
    }
    if (transposeA && !transposeB) {
      return { a: () => matMulUntransposed(b, grad, false, true), b: () => matMulUntransposed(a, grad, false, false) };
    }
    return { a: () => matMulUntransposed(b, grad, true, true), b: () => matMulUntransposed(grad, a, true, true) };
  },
};
