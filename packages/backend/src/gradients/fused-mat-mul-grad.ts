import * as tf from '@tensorflow/tfjs-core';
import { keepsRightOperand, matMulUntransposed, transposedProductsAreFast } from './_mat-mul-untransposed';
import { preActivationGrad } from './_pre-activation-grad';

/**
 * A gradient for the _FusedMatMul kernel (matMul + bias + activation in one pass), which tfjs-core
 * registers none for (its tf.fused.matMul differentiates through customGrad, with transposed products).
 * dense() runs the kernel directly; each input's gradient is computed only when backprop asks for it.
 * The activation's derivative comes from the saved output y: y > 0 exactly where the pre-activation
 * is > 0 for relu and for leakyRelu with alpha ≥ 0, and σ' = y(1 − y).
 */
export const fusedMatMulGradConfig: tf.GradConfig = {
  kernelName: tf._FusedMatMul,
  inputsToSave: ['a', 'b'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [a, b, y] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
    const { transposeA, transposeB, activation, leakyreluAlpha } = attrs as unknown as tf._FusedMatMulAttrs;
    const pre = preActivationGrad(dy as tf.Tensor, y, activation, leakyreluAlpha ?? 0.2);
    // Set when b's gradient multiplied by `pre` as XNNPACK's right-hand operand: `pre` is packed then.
    let prePacked = false;
    const grads: Record<string, () => tf.Tensor> = {
      a: () => (transposeA ? matMulUntransposed(b, pre, transposeB, true) : matMulUntransposed(pre, b, false, !transposeB)),
      b: () => {
        if (transposeB) return matMulUntransposed(pre, a, true, transposeA);
        // On dlkit's GEMM ones·pre costs ~6 × 2·rows·columns flops (one row padded to a tile): always cheap.
        prePacked = (transposedProductsAreFast() || keepsRightOperand(a, pre, !transposeA)) && isOneMatrix(pre);
        return matMulUntransposed(a, pre, !transposeA, false);
      },
      bias: () => biasGrad(pre, prePacked),
    };
    return grads;
  },
};

/**
 * Σ over the batch of `pre`. When b's gradient has just multiplied by `pre` as the right-hand operand
 * (tfjs runs input gradients in input order: a, b, bias), ones·pre reuses XNNPACK's packed `pre`:
 * ~0.13 ms against ~0.9 ms for WASM's Sum over axis 0 of [256, 1024], which transposes first.
 */
function biasGrad(pre: tf.Tensor, prePacked: boolean): tf.Tensor {
  const outputs = pre.shape[pre.rank - 1] ?? 1;
  if (!prePacked || pre.dtype !== 'float32')
    return tf.sum(
      pre,
      pre.shape.slice(0, -1).map((_, axis) => axis),
    );
  const rows = pre.shape[pre.rank - 2] ?? 1;
  return tf.reshape(tf.matMul(tf.ones([...pre.shape.slice(0, -2), 1, rows]), pre), [outputs]);
}

function isOneMatrix(x: tf.Tensor): boolean {
  return x.rank >= 2 && x.shape.slice(0, -2).every((size) => size === 1);
}
