import { GanError } from './gan-error';

/**
 * How many steps an epoch of {@link trainGan} takes: ⌊imageCount / batchSize⌋. The incomplete last batch
 * is dropped, so every step sees a full batch and all epochs have the same length (0 when the images
 * do not fill one batch; trainGan refuses such data). A GanError (kind 'input') unless `imageCount` is a
 * whole number ≥ 0 and `batchSize` one ≥ 1.
 *
 * @example
 * ganStepsPerEpoch(8000, 64); // 125
 * ganStepsPerEpoch(1000, 128); // 7: the last 104 images wait for the next epoch's shuffle
 */
export function ganStepsPerEpoch(imageCount: number, batchSize: number): number {
  if (!Number.isSafeInteger(imageCount) || imageCount < 0)
    throw new GanError(`ganStepsPerEpoch: imageCount must be a whole number ≥ 0, found ${String(imageCount)}`, { kind: 'input' });
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new GanError(`ganStepsPerEpoch: batchSize must be a whole number ≥ 1, found ${String(batchSize)}`, { kind: 'input' });
  return Math.floor(imageCount / batchSize);
}
