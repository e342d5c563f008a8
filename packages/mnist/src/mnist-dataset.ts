/** How pixel bytes 0…255 are scaled: to [0, 1] (byte/255) or to [−1, 1] (byte/127.5 − 1, for tanh outputs). */
export type MnistNormalize = '[0,1]' | '[-1,1]';

/** Options of {@link MnistDataset.batches}. */
export interface MnistBatchOptions {
  /** Visit the images in a random order (default false: dataset order). */
  shuffle?: boolean;
  /** Seed of the shuffle; without one every call draws a new order (pass `base + epoch` to reproduce runs). */
  seed?: number;
  /** Leave out the last batch when it is smaller than `size` (default false). */
  dropRemainder?: boolean;
}

/** A batch of images and labels; its arrays are copies, free to change. */
export interface MnistBatch {
  /** `count × rows·cols` pixels, row-major, normalized as the dataset. */
  readonly images: Float32Array;
  /** `count` labels, 0…9. */
  readonly labels: Uint8Array;
  readonly count: number;
}

/** Images and labels in memory; made by {@link loadMnist}. */
export interface MnistDataset {
  /** Number of images. */
  readonly count: number;
  /** Image height (28 for MNIST). */
  readonly rows: number;
  /** Image width (28 for MNIST). */
  readonly cols: number;
  /** How {@link MnistDataset.images} was scaled. */
  readonly normalize: MnistNormalize;
  /** `count × rows × cols` pixels, row-major, normalized as asked. */
  readonly images: Float32Array;
  /** `count` labels, 0…9. */
  readonly labels: Uint8Array;
  /**
   * Batches of `size` images (the last one smaller unless `dropRemainder`). Throws a RangeError at once for a
   * size that is not a positive whole number or a bad seed.
   */
  batches(size: number, options?: MnistBatchOptions): IterableIterator<MnistBatch>;
  /** The first `n` images of each class, class-major (n zeros, then n ones, …): for figures. A class with fewer gives all it has. */
  firstPerClass(n: number): MnistDataset;
  /** Labels one-hot: `count × 10` floats. */
  oneHot(): Float32Array;
}
