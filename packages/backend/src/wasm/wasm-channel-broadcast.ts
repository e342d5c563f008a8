import * as tf from '@tensorflow/tfjs-core';
import { withWasmKernels } from './_wasm-kernel-override';
import type { ChannelOperation } from './wasm-kernels';

/** Whether `v` is a vector along the last axis of `x`: shape [columns] or [1, …, 1, columns], no more axes than x. */
function isChannelVector(x: tf.TensorInfo, v: tf.TensorInfo): boolean {
  const rank = x.shape.length;
  const columns = x.shape[rank - 1];
  const vRank = v.shape.length;
  if (rank < 2 || vRank < 1 || vRank > rank || v.shape[vRank - 1] !== columns) return false;
  return v.shape.slice(0, -1).every((size) => size === 1);
}

/** Whether `v` holds one value per row of `x`: x's shape with its last axis 1 (a [features, 1] bias of samples in columns). */
function isRowVector(x: tf.TensorInfo, v: tf.TensorInfo): boolean {
  const rank = x.shape.length;
  if (rank < 2 || v.shape.length !== rank || v.shape[rank - 1] !== 1 || x.shape[rank - 1] === 1) return false;
  return v.shape.slice(0, -1).every((size, axis) => size === x.shape[axis]);
}

/**
 * wasm's Add, Sub or Multiply, with dlkit's SIMD pass when one float32 operand is a vector along the
 * other's last axis (batch normalization's per-channel centring, scale and shift over [batch, height,
 * width, channels]), or a vector with one value per row (a bias or normalization of samples in columns,
 * [features, batch]): stock wasm runs those through its general broadcasting loop, several times slower
 * than a same-shape op. The same bits: one float32 operation per value, operands in the same order.
 */
export function channelBroadcastConfig(op: ChannelOperation): (stock: tf.KernelConfig) => tf.KernelConfig {
  return (stock) =>
    withWasmKernels(stock, ({ inputs }, kernels) => {
      const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      if (a.dtype !== 'float32' || b.dtype !== 'float32' || tf.util.sizeFromShape(a.shape) === 0) return undefined;
      if (isChannelVector(a, b) && tf.util.sizeFromShape(a.shape) > tf.util.sizeFromShape(b.shape)) {
        return kernels.channelBroadcast(a, b, op);
      }
      // v ∘ x: only for ∘ that commutes (v − x would need its own kernel).
      if (op !== 'sub' && isChannelVector(b, a) && tf.util.sizeFromShape(b.shape) > tf.util.sizeFromShape(a.shape)) {
        return kernels.channelBroadcast(b, a, op);
      }
      if (isRowVector(a, b)) return kernels.rowBroadcast(a, b, op);
      if (op !== 'sub' && isRowVector(b, a)) return kernels.rowBroadcast(b, a, op);
      return undefined;
    });
}
