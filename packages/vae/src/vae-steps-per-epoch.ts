import { VaeError } from './vae-error';

/**
 * How many steps an epoch of {@link trainVae} takes: ⌈imageCount / batchSize⌉. Every image is seen once
 * per epoch, so the last batch may be smaller (as in the PyTorch example). A VaeError unless
 * `imageCount` is a whole number ≥ 0 and `batchSize` one ≥ 1.
 *
 * @example
 * vaeStepsPerEpoch(8000, 128); // 63: 62 full batches and one of 64
 */
export function vaeStepsPerEpoch(imageCount: number, batchSize: number): number {
  if (!Number.isSafeInteger(imageCount) || imageCount < 0)
    throw new VaeError(`vaeStepsPerEpoch: imageCount must be a whole number ≥ 0, found ${String(imageCount)}`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new VaeError(`vaeStepsPerEpoch: batchSize must be a whole number ≥ 1, found ${String(batchSize)}`);
  return Math.ceil(imageCount / batchSize);
}
