import * as tf from '@tensorflow/tfjs-core';

// Below this many values a copy beats WASM's PadV2, whose XNNPACK pad operator costs ~0.1–0.7 ms even
// for a [128, 1] gradient (a GAN loss's slice of its logits); above it PadV2 is the faster one.
const smallGradient = 4096;

/**
 * Slice's gradient: dy placed into zeros of the input's shape. Stock pads dy; for small gradients cut
 * along one axis this concatenates zero blocks around dy instead, the same values.
 */
export const sliceGradConfig: tf.GradConfig = {
  kernelName: tf.Slice,
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => {
    const [x] = saved as [tf.Tensor];
    const { begin, size } = attrs as unknown as tf.SliceAttrs;
    const grad = dy as tf.Tensor;
    const [begins = [], sizes = []] = tf.slice_util.parseSliceParams(x, begin, size);
    const paddings = x.shape.map((extent, axis): [number, number] => [
      begins[axis] ?? 0,
      extent - (begins[axis] ?? 0) - (sizes[axis] ?? extent),
    ]);
    const padded = paddings.flatMap(([before, after], axis) => (before > 0 || after > 0 ? [axis] : []));
    const axis = padded[0];
    if (grad.size > smallGradient || padded.length !== 1 || axis === undefined || grad.dtype !== 'float32') {
      return { x: () => tf.pad(grad, paddings) };
    }
    return {
      x: () => {
        const [before, after] = paddings[axis]!;
        const zeros = (extent: number) => tf.zeros(grad.shape.map((d, i) => (i === axis ? extent : d)));
        return tf.concat([...(before > 0 ? [zeros(before)] : []), grad, ...(after > 0 ? [zeros(after)] : [])], axis);
      },
    };
  },
};
