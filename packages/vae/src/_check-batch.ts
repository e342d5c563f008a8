import type * as tf from '@tensorflow/tfjs-core';
import { VaeError } from './vae-error';

/** Throws a VaeError unless `x` is a float32 [rows ≥ 1, columns] tensor. */
export function checkBatch(x: tf.Tensor, columns: number, what: string, caller: string): asserts x is tf.Tensor2D {
  if (x === null || typeof x !== 'object' || !Array.isArray((x as tf.Tensor).shape)) {
    throw new VaeError(`${caller}: ${what} must be a tf.Tensor2D [batch, ${columns}], found ${String(x)}`);
  }
  if (x.isDisposed) throw new VaeError(`${caller}: ${what} has been disposed`);
  if (x.rank !== 2 || x.shape[1] !== columns || (x.shape[0] ?? 0) < 1) {
    throw new VaeError(`${caller}: ${what} must have shape [batch ≥ 1, ${columns}], found [${x.shape.join(', ')}]`);
  }
  if (x.dtype !== 'float32') throw new VaeError(`${caller}: ${what} must be float32, found ${x.dtype}`);
}
