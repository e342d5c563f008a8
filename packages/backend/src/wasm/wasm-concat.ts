import * as tf from '@tensorflow/tfjs-core';
import { withWasmKernels } from './_wasm-kernel-override';

/**
 * wasm's Concat, each input's rows copied natively into place (stock sets one typed-array view per row
 * and input: ~60 µs to join an LSTM step's [64, 128] and [64, 64]). The same values.
 */
export function fastConcatConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return withWasmKernels(stock, ({ inputs, attrs }, kernels) => {
    const all = inputs as unknown as tf.TensorInfo[];
    const axis = tf.util.parseAxisParam((attrs as unknown as tf.ConcatAttrs).axis, all[0]!.shape)[0]!;
    const shapes = all.map((x) => x.shape);
    tf.backend_util.assertParamsConsistent(shapes, axis);
    // Empty inputs add nothing (stock drops them too).
    const parts = all.filter((x) => tf.util.sizeFromShape(x.shape) > 0);
    return joinable(parts) ? kernels.concat(parts, axis, tf.backend_util.computeOutShape(shapes, axis)) : undefined;
  });
}

/** Pack (tf.stack): the inputs, each given an axis of 1, joined along it. */
export function fastPackConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return withWasmKernels(stock, ({ inputs, attrs }, kernels) => {
    const parts = inputs as unknown as tf.TensorInfo[];
    if (!joinable(parts)) return undefined;
    const shape = parts[0]!.shape;
    if (!parts.every((x) => tf.util.arraysEqual(x.shape, shape))) return undefined;
    const { axis } = attrs as unknown as tf.PackAttrs;
    const along = axis < 0 ? axis + shape.length + 1 : axis;
    const expanded = parts.map((x) => ({ ...x, shape: [...shape.slice(0, along), 1, ...shape.slice(along)] }));
    return kernels.concat(expanded, along, [...shape.slice(0, along), parts.length, ...shape.slice(along)]);
  });
}

/** Two or more inputs of one heap dtype, none empty: stock takes the rest (its identity for one, strings). */
function joinable(parts: tf.TensorInfo[]): boolean {
  const dtype = parts[0]?.dtype;
  return (
    parts.length > 1 &&
    dtype !== 'string' &&
    dtype !== 'complex64' &&
    parts.every((x) => x.dtype === dtype && tf.util.sizeFromShape(x.shape) > 0)
  );
}
