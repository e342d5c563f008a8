import * as tf from '@tensorflow/tfjs-core';
import { fastKernelsEnabled } from '../_fast-kernels-switch';
import { wasmGemmFor } from '../wasm/wasm-gemm-for';

// Relative costs per element, measured on WASM: a transpose pass, and XNNPACK packing the right-hand
// operand when it is new (it is in every gradient product: it was just computed).
const transposeCost = 1;
const packCost = 2;

/**
 * matMul(a, b, transposeA, transposeB) computed from untransposed products only: the WASM backend
 * serves those with XNNPACK (20–30 GFLOP/s a thread) and transposed ones with a loop 10–50× slower,
 * while a transpose costs one pass. Of `op(a)·op(b)` and `(op(b)ᵀ·op(a)ᵀ)ᵀ` it takes the one that
 * transposes and packs fewer elements: a big weight matrix then stays on the left, unpacked.
 */
export function matMulUntransposed(a: tf.Tensor, b: tf.Tensor, transposeA: boolean, transposeB: boolean): tf.Tensor {
  if (transposedProductsAreFast()) return tf.matMul(a, b, transposeA, transposeB);
  const rows = a.shape[a.rank - (transposeA ? 1 : 2)] ?? 1;
  const columns = b.shape[b.rank - (transposeB ? 2 : 1)] ?? 1;
  if (productIsDirect(a, b, transposeA, transposeB)) {
    return tf.matMul(transposeA ? swapLastTwo(a) : a, transposeB ? swapLastTwo(b) : b);
  }
  const a2 = asMatrix(a);
  const b2 = asMatrix(b);
  const product = tf.transpose(tf.matMul(transposeB ? b2 : tf.transpose(b2), transposeA ? a2 : tf.transpose(a2)));
  const rank = Math.max(a.rank, b.rank);
  return rank === 2 ? product : tf.reshape(product, [...new Array<number>(rank - 2).fill(1), rows, columns]);
}

/**
 * Whether the backend multiplies transposed operands as fast as untransposed ones: dlkit's GEMM on WASM
 * packs every operand anyway, so the gradients multiply them as they are.
 */
export function transposedProductsAreFast(): boolean {
  return fastKernelsEnabled() && wasmGemmFor(tf.backend()) !== undefined;
}

/**
 * Whether matMulUntransposed(a, b, transposeA, false) multiplies by b itself as the right-hand operand,
 * so that XNNPACK has b packed (its operator cache is keyed by the buffer) for further products by b.
 */
export function keepsRightOperand(a: tf.Tensor, b: tf.Tensor, transposeA: boolean): boolean {
  return productIsDirect(a, b, transposeA, false);
}

function productIsDirect(a: tf.Tensor, b: tf.Tensor, transposeA: boolean, transposeB: boolean): boolean {
  const rows = a.shape[a.rank - (transposeA ? 1 : 2)] ?? 1;
  const columns = b.shape[b.rank - (transposeB ? 2 : 1)] ?? 1;
  const direct = transposeCost * ((transposeA ? a.size : 0) + (transposeB ? b.size : 0)) + packCost * b.size;
  const swapped = transposeCost * ((transposeA ? 0 : a.size) + (transposeB ? 0 : b.size) + rows * columns) + packCost * a.size;
  return direct <= swapped || !isOneMatrix(a) || !isOneMatrix(b);
}

/** Whether x is one matrix: rank 2, or leading dimensions of 1 (as tf.matMul reshapes its inputs). */
function isOneMatrix(x: tf.Tensor): boolean {
  return x.rank >= 2 && x.shape.slice(0, -2).every((size) => size === 1);
}

function asMatrix(x: tf.Tensor): tf.Tensor2D {
  return (x.rank === 2 ? x : tf.reshape(x, x.shape.slice(-2) as [number, number])) as tf.Tensor2D;
}

function swapLastTwo(x: tf.Tensor): tf.Tensor {
  if (isOneMatrix(x)) {
    const [rows, columns] = x.shape.slice(-2) as [number, number];
    return tf.reshape(tf.transpose(asMatrix(x)), [...x.shape.slice(0, -2), columns, rows]);
  }
  const perm = x.shape.map((_, axis) => axis);
  const rank = perm.length;
  perm[rank - 1] = rank - 2;
  perm[rank - 2] = rank - 1;
  return tf.transpose(x, perm);
}
