import * as tf from '@tensorflow/tfjs-core';

/**
 * Whether reducing float32 x over `axis` reduces every axis but the last, listed in ascending order (stock
 * reduces in the order the axes are listed): the column reductions dlkit's kernels serve.
 */
export function reducesAllButLastInOrder(x: tf.TensorInfo, axis: number | number[]): boolean {
  const rank = x.shape.length;
  if (x.dtype !== 'float32' || rank < 2 || tf.util.sizeFromShape(x.shape) === 0) return false;
  const axes = tf.util.parseAxisParam(axis, x.shape);
  return axes.length === rank - 1 && axes.every((a, i) => a === i);
}
