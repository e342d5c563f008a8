import { isSeed, randomSeed, shuffledIndices } from '@dlkit/random';
import type { MnistBatch, MnistBatchOptions, MnistDataset, MnistNormalize } from './mnist-dataset';

export const classCount = 10;

class InMemoryMnistDataset implements MnistDataset {
  readonly count: number;

  constructor(
    readonly images: Float32Array,
    readonly labels: Uint8Array,
    readonly rows: number,
    readonly cols: number,
    readonly normalize: MnistNormalize,
  ) {
    this.count = labels.length;
  }

  batches(size: number, options: MnistBatchOptions = {}): IterableIterator<MnistBatch> {
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`batches(size): expected a positive whole number, found ${String(size)}`);
    }
    if (options.seed !== undefined && !isSeed(options.seed)) {
      throw new RangeError(`batches(size, { seed }): expected a whole number in 0…2^32−1, found ${String(options.seed)}`);
    }
    const order = options.shuffle ? shuffledIndices(this.count, options.seed ?? randomSeed()) : undefined;
    return this.batchesInOrder(size, order, options.dropRemainder ?? false);
  }

  private *batchesInOrder(size: number, order: Uint32Array | undefined, dropRemainder: boolean): Generator<MnistBatch, void, undefined> {
    const pixels = this.rows * this.cols;
    for (let start = 0; start < this.count; start += size) {
      const count = Math.min(size, this.count - start);
      if (count < size && dropRemainder) return;
      if (!order) {
        yield {
          images: this.images.slice(start * pixels, (start + count) * pixels),
          labels: this.labels.slice(start, start + count),
          count,
        };
        continue;
      }
      const images = new Float32Array(count * pixels);
      const labels = new Uint8Array(count);
      for (let i = 0; i < count; i++) {
        const from = order[start + i]!;
        images.set(this.images.subarray(from * pixels, (from + 1) * pixels), i * pixels);
        labels[i] = this.labels[from]!;
      }
      yield { images, labels, count };
    }
  }

  firstPerClass(n: number): MnistDataset {
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`firstPerClass(n): expected a whole number ≥ 0, found ${String(n)}`);
    }
    const picked: number[] = [];
    for (let label = 0; label < classCount; label++) {
      let taken = 0;
      for (let i = 0; i < this.count && taken < n; i++) {
        if (this.labels[i] === label) {
          picked.push(i);
          taken++;
        }
      }
    }
    const pixels = this.rows * this.cols;
    const images = new Float32Array(picked.length * pixels);
    const labels = new Uint8Array(picked.length);
    picked.forEach((from, i) => {
      images.set(this.images.subarray(from * pixels, (from + 1) * pixels), i * pixels);
      labels[i] = this.labels[from]!;
    });
    return new InMemoryMnistDataset(images, labels, this.rows, this.cols, this.normalize);
  }

  oneHot(): Float32Array {
    const out = new Float32Array(this.count * classCount);
    for (let i = 0; i < this.count; i++) out[i * classCount + this.labels[i]!] = 1;
    return out;
  }
}

/**
 * Builds a dataset from pixel bytes: image `order[i]` (or `i` without an order) of `pixels` becomes image `i`,
 * scaled as `normalize` asks, in one pass.
 */
export function datasetFromBytes(
  pixels: Uint8Array,
  labels: Uint8Array,
  rows: number,
  cols: number,
  normalize: MnistNormalize,
  count: number,
  order?: Uint32Array,
): MnistDataset {
  const size = rows * cols;
  const images = new Float32Array(count * size);
  const outLabels = new Uint8Array(count);
  // A lookup table keeps the inner loop a plain copy, and gives exactly byte/255 (or byte/127.5 − 1) in float32.
  const table = new Float32Array(256);
  for (let b = 0; b < 256; b++) table[b] = normalize === '[-1,1]' ? b / 127.5 - 1 : b / 255;
  for (let i = 0; i < count; i++) {
    const from = order ? order[i]! : i;
    const source = from * size;
    const target = i * size;
    for (let p = 0; p < size; p++) images[target + p] = table[pixels[source + p]!]!;
    outLabels[i] = labels[from]!;
  }
  return new InMemoryMnistDataset(images, outLabels, rows, cols, normalize);
}
