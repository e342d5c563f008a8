import type { VaeDataset } from './vae-dataset';
import { VaeError } from './vae-error';

/** Throws a VaeError unless the dataset holds count × inputSize finite pixels in [0, 1]. */
export function checkVaeDataset(data: VaeDataset, inputSize: number, caller: string, what = 'data'): void {
  if (data === null || typeof data !== 'object' || !(data.images instanceof Float32Array)) {
    throw new VaeError(`${caller}: ${what} must be { count, images: Float32Array }, found ${data === null ? 'null' : typeof data}`);
  }
  if (!Number.isSafeInteger(data.count) || data.count < 1) {
    throw new VaeError(`${caller}: ${what}.count must be a positive integer, found ${data.count}`);
  }
  if (data.images.length !== data.count * inputSize) {
    throw new VaeError(
      `${caller}: ${what}.images must hold count × ${inputSize} = ${data.count * inputSize} pixels, found ${data.images.length}`,
    );
  }
  const images = data.images;
  for (let i = 0; i < images.length; i++) {
    const v = images[i]!;
    if (!(v >= 0 && v <= 1)) {
      throw new VaeError(
        `${caller}: ${what} pixels must be in [0, 1] (Bernoulli means), found ${v} at image ${Math.floor(i / inputSize)}, pixel ${i % inputSize}`,
      );
    }
  }
}

/** Rows `indices` of a dataset, packed for tf.tensor2d. */
export function gatherRows(images: Float32Array, indices: ArrayLike<number>, inputSize: number): Float32Array {
  const out = new Float32Array(indices.length * inputSize);
  for (let i = 0; i < indices.length; i++) {
    const row = indices[i]!;
    out.set(images.subarray(row * inputSize, (row + 1) * inputSize), i * inputSize);
  }
  return out;
}
