import { type Tensor1D, type Tensor2D, tensor1d, tensor2d } from '@tensorflow/tfjs-core';
import type { MnistBatch, MnistDataset } from './mnist-dataset';

/** Options of {@link toTensors}. */
export interface ToTensorsOptions {
  /** Labels as a `[n, 10]` float32 one-hot matrix instead of `[n]` int32 (default false). */
  oneHot?: boolean;
}

/** Tensors of a dataset or batch; the caller owns them and disposes them. */
export interface MnistTensors<L extends Tensor1D | Tensor2D = Tensor1D | Tensor2D> {
  /** `[n, rows·cols]` float32, normalized as the data. */
  readonly images: Tensor2D;
  /** `[n]` int32, or `[n, 10]` float32 one-hot. */
  readonly labels: L;
}

const classCount = 10;

/**
 * Copies a dataset or a batch into two new tfjs tensors (exactly two: no intermediates to leak).
 * Lives in '@dlkit/mnist/tfjs' so that reading data needs no tfjs.
 *
 * @example
 * import { toTensors } from '@dlkit/mnist/tfjs';
 * const { images, labels } = toTensors(batch, { oneHot: true }); // [n, 784], [n, 10]
 */
export function toTensors(data: MnistDataset | MnistBatch, options: { oneHot: true }): MnistTensors<Tensor2D>;
export function toTensors(data: MnistDataset | MnistBatch, options?: { oneHot?: false }): MnistTensors<Tensor1D>;
export function toTensors(data: MnistDataset | MnistBatch, options?: ToTensorsOptions): MnistTensors;
export function toTensors(data: MnistDataset | MnistBatch, options: ToTensorsOptions = {}): MnistTensors {
  if (!data || !(data.images instanceof Float32Array) || !(data.labels instanceof Uint8Array)) {
    throw new TypeError('toTensors: expected an MnistDataset or MnistBatch (Float32Array images, Uint8Array labels)');
  }
  const { count, images, labels } = data;
  const features = 'rows' in data ? data.rows * data.cols : count > 0 ? images.length / count : 0;
  if (labels.length !== count || !Number.isInteger(features) || images.length !== count * features) {
    throw new RangeError(
      `toTensors: expected ${count} labels and ${count} images of equal size, found ${labels.length} labels and ${images.length} pixels`,
    );
  }
  const imageTensor = tensor2d(images, [count, features], 'float32');
  if (options.oneHot) {
    const hot = new Float32Array(count * classCount);
    for (let i = 0; i < count; i++) hot[i * classCount + labels[i]!] = 1;
    return { images: imageTensor, labels: tensor2d(hot, [count, classCount], 'float32') };
  }
  return { images: imageTensor, labels: tensor1d(Int32Array.from(labels), 'int32') };
}
