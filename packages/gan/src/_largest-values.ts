import * as tf from '@tensorflow/tfjs-core';

/**
 * The `k` largest values of a tensor, flattened, largest first, differentiable: each gets the gradient
 * of the element it came from, the others none (tfjs registers no gradient for TopK).
 */
export function largestValues(x: tf.Tensor, k: number): tf.Tensor1D {
  const flat = tf.reshape(x, [-1]) as tf.Tensor1D;
  const select = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [values, save] = args as [tf.Tensor1D, tf.GradSaveFunc];
    const largest = tf.topk(values, k);
    save([largest.indices]);
    return {
      value: largest.values,
      gradFunc: (dy, saved) => tf.scatterND(tf.expandDims(saved[0]!, 1), dy as tf.Tensor1D, [values.size]),
    };
  });
  return select(flat) as tf.Tensor1D;
}
