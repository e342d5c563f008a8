import * as tf from '@tensorflow/tfjs-core';
import { withWasmKernels } from './_wasm-kernel-override';

/**
 * wasm's Slice, SplitV and Unpack, copied straight from the heap. Stock reads the whole input out of the
 * heap first (readSync copies it) for every slice it takes, then sets one typed-array view per row:
 * ~0.5 ms for any slice of a [256, 794] batch, and T full copies to unstack T steps. The same values.
 */
export function fastSliceConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return withWasmKernels(stock, ({ inputs, attrs }, kernels) => {
    const x = inputs.x as tf.TensorInfo;
    if (!onHeap(x)) return undefined;
    const { begin, size } = attrs as unknown as tf.SliceAttrs;
    const [begins = [], sizes = []] = tf.slice_util.parseSliceParams(x, begin, size);
    return kernels.slice(x, begins, sizes);
  });
}

/** SplitV: one slice per piece along the axis. */
export function fastSplitVConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return withWasmKernels(stock, ({ inputs, attrs }, kernels) => {
    const x = inputs.x as tf.TensorInfo;
    if (!onHeap(x)) return undefined;
    const { numOrSizeSplits, axis } = attrs as unknown as tf.SplitVAttrs;
    const along = tf.util.parseAxisParam(axis, x.shape)[0]!;
    const begin = x.shape.map(() => 0);
    return tf.backend_util.prepareSplitSize(x as tf.Tensor, numOrSizeSplits, along).map((extent) => {
      const piece = kernels.slice(
        x,
        begin,
        x.shape.map((whole, i) => (i === along ? extent : whole)),
      );
      begin[along]! += extent;
      return piece;
    });
  });
}

/** Unpack: one slice per index along the axis, that axis dropped from each. */
export function fastUnpackConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return withWasmKernels(stock, ({ inputs, attrs }, kernels) => {
    const x = inputs.value as tf.TensorInfo;
    if (!onHeap(x)) return undefined;
    const { axis } = attrs as unknown as tf.UnpackAttrs;
    const along = axis < 0 ? axis + x.shape.length : axis;
    const size = x.shape.map((whole, i) => (i === along ? 1 : whole));
    const shape = x.shape.filter((_, i) => i !== along);
    return Array.from({ length: x.shape[along]! }, (_, index) => {
      const piece = kernels.slice(
        x,
        x.shape.map((_, i) => (i === along ? index : 0)),
        size,
      );
      return { ...piece, shape };
    });
  });
}

/** Whether x's values live on the wasm heap (strings live in JavaScript). */
function onHeap(x: tf.TensorInfo): boolean {
  return x.dtype !== 'string' && x.dtype !== 'complex64';
}
