import * as tf from '@tensorflow/tfjs-core';
import { largestValues } from './_largest-values';
import { bceWithLogits } from './bce-with-logits';
import { GanError } from './gan-error';

/**
 * The discriminator's loss on a batch that is real images followed by as many fakes: BCE with target
 * 1 − labelSmoothing for the reals and 0 for the fakes, averaged over the whole batch (the reference
 * Keras GAN's convention). Smoothing is one-sided: fakes always target 0.
 */
export function discriminatorLoss(realLogits: tf.Tensor, fakeLogits: tf.Tensor, labelSmoothing = 0): tf.Scalar {
  return tf.tidy(() => {
    const real = bceWithLogits(realLogits, 1 - labelSmoothing);
    const fake = bceWithLogits(fakeLogits, 0);
    const realCount = realLogits.size;
    const fakeCount = fakeLogits.size;
    return tf.div(tf.add(tf.mul(real, realCount), tf.mul(fake, fakeCount)), realCount + fakeCount) as tf.Scalar;
  });
}

/**
 * The non-saturating generator loss: −log D(G(z)), i.e. BCE of the fakes' logits against target 1,
 * averaged over the fakes. With `topFraction` < 1 (top-k training, Sinha et al. 2020), over only the
 * k = round(topFraction × n) fakes (at least one) that the discriminator rates most real: the others
 * give the generator no gradient.
 */
export function generatorLoss(fakeLogits: tf.Tensor, topFraction = 1): tf.Scalar {
  if (!(topFraction > 0 && topFraction <= 1))
    throw new GanError(`generatorLoss: topFraction must be in (0, 1], found ${String(topFraction)}`, { kind: 'input' });
  if (topFraction === 1) return bceWithLogits(fakeLogits, 1);
  const k = topCount(fakeLogits.size, topFraction);
  return tf.tidy(() => bceWithLogits(largestValues(fakeLogits, k), 1));
}

/** How many of `n` fakes top-k training keeps: round(topFraction × n), at least one. */
function topCount(n: number, topFraction: number): number {
  return Math.max(1, Math.round(topFraction * n));
}
