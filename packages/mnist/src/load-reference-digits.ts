import type { EmbeddedMnistFiles } from './_embedded';
import { loadMnist } from './load-mnist';
import type { MnistDataset, MnistNormalize } from './mnist-dataset';

/** Options of {@link loadReferenceDigits}. */
export interface LoadReferenceDigitsOptions {
  /** How many digits: the first `count` of the embedded test split, 1 … 2,000 (default 1,000). */
  count?: number;
  /** '[-1,1]' (default, a tanh generator's range) or '[0,1]'. */
  normalize?: MnistNormalize;
  /** Where the embedded files come from when not from this package's assets (see loadMnist). */
  embeddedFiles?: EmbeddedMnistFiles;
}

/**
 * Real digits to measure generated ones against: the first `count` digits of the embedded **test** split,
 * which a GAN trained on the embedded train split never sees. It is the reference set of `@dlkit/gan`'s
 * metrics (FID compares the classifier features of generated digits with these), so the same digits give
 * comparable numbers everywhere. Offline; a RangeError for a count outside 1 … 2,000 or a bad `normalize`.
 *
 * @example
 * const metrics = await createGanMetrics({ reference: await loadReferenceDigits() }); // from @dlkit/gan
 */
export async function loadReferenceDigits(options: LoadReferenceDigitsOptions = {}): Promise<MnistDataset> {
  const { count = 1000, normalize = '[-1,1]' } = options;
  if (!(Number.isInteger(count) && count >= 1)) {
    throw new RangeError(`loadReferenceDigits: count must be a whole number ≥ 1, found ${String(count)}`);
  }
  const digits = await loadMnist({ source: 'embedded', split: 'test', normalize, limit: count, embeddedFiles: options.embeddedFiles });
  if (digits.count < count) {
    throw new RangeError(`loadReferenceDigits: count must be at most ${digits.count}, the embedded test split's size, found ${count}`);
  }
  return digits;
}
