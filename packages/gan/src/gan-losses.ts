import * as tf from '@tensorflow/tfjs-core';
import { bceWithLogits } from './bce-with-logits';

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

/** The non-saturating generator loss: −log D(G(z)), i.e. BCE of the fakes' logits against target 1. */
export function generatorLoss(fakeLogits: tf.Tensor): tf.Scalar {
  return bceWithLogits(fakeLogits, 1);
}
