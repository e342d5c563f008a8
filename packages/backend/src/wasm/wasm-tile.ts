import * as tf from '@tensorflow/tfjs-core';
import { withWasmKernels } from './_wasm-kernel-override';

/**
 * wasm's Tile, with copies made natively when the repeated axes are a contiguous run of axes of extent 1
 * (broadcastTo's case: a gradient of sum or mean spread back over the summed axes, [128, 1] → [128, 3136]):
 * stock's loop computes every output index, ~20 ms for that example. The same values, copied.
 */
export function fastTileConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return withWasmKernels(stock, ({ inputs, attrs }, kernels) => {
    const x = inputs.x as tf.TensorInfo;
    const { reps } = attrs as unknown as tf.TileAttrs;
    if ((x.dtype !== 'float32' && x.dtype !== 'int32') || reps.length !== x.shape.length || tf.util.sizeFromShape(x.shape) === 0) {
      return undefined;
    }
    const repeated = reps.flatMap((times, axis) => (times > 1 ? [axis] : []));
    if (repeated.length === 0) return undefined;
    const first = repeated[0]!;
    const last = repeated[repeated.length - 1]!;
    // Only axes of extent 1 repeat, and they are contiguous: x is [outer, 1, inner] in memory.
    for (let axis = first; axis <= last; axis++) if (x.shape[axis] !== 1) return undefined;
    const outer = tf.util.sizeFromShape(x.shape.slice(0, first));
    const inner = tf.util.sizeFromShape(x.shape.slice(last + 1));
    const times = tf.util.sizeFromShape(reps.slice(first, last + 1));
    return kernels.repeatMiddle(
      x,
      x.shape.map((extent, axis) => extent * reps[axis]!),
      outer,
      times,
      inner,
    );
  });
}
