import { requireInteger } from './_validate';

/**
 * Learnable parameters of batch normalization over `channels` channels: a scale γ and a shift β per
 * channel, 2·C. The running mean and variance (another 2·C values) are buffers, not learned; Keras
 * counts them as "non-trainable params", torchinfo does not count them.
 *
 * @example
 * batchNormParams(64) // 128
 */
export function batchNormParams(channels: number): number {
  return 2 * requireInteger('channels', channels, 1);
}
