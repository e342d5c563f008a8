import { isSeed } from '@dlkit/random';
import type { MnistNormalize } from './mnist-dataset';

/** The seed of the default embedded split. */
export const embeddedSplitSeed = 20260101;

/** Images in the embedded training split; the rest (2,000) form the test split. */
export const embeddedTrainCount = 8000;

/** What loadMnist's checked options come to. */
export interface CheckedLoadOptions {
  split: 'train' | 'test' | 'all';
  limit: number | undefined;
  normalize: MnistNormalize;
  seed: number;
}

/** Checks the options every loadMnist shares; one TypeError or RangeError naming the option. */
export function checkLoadOptions(options: { split?: string; limit?: number; normalize?: string; seed?: number }): CheckedLoadOptions {
  const { split = 'train', limit, normalize = '[0,1]', seed = embeddedSplitSeed } = options;
  if (!['train', 'test', 'all'].includes(split))
    throw new RangeError(`loadMnist: split must be 'train', 'test' or 'all', found ${String(split)}`);
  if (!['[0,1]', '[-1,1]'].includes(normalize))
    throw new RangeError(`loadMnist: normalize must be '[0,1]' or '[-1,1]', found ${String(normalize)}`);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    throw new RangeError(`loadMnist: limit must be a whole number ≥ 1, found ${String(limit)}`);
  }
  if (!isSeed(seed)) throw new RangeError(`loadMnist: seed must be a whole number in 0…2^32−1, found ${String(seed)}`);
  return { split: split as CheckedLoadOptions['split'], limit, normalize: normalize as MnistNormalize, seed };
}
