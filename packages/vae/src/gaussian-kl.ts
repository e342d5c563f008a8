import * as tf from '@tensorflow/tfjs-core';

/**
 * KL(N(mean, diag(exp(logVariance))) ‖ N(0, I)) per row, in nats: the analytic KL term of the ELBO,
 * −½ Σ (1 + log σ² − μ² − σ²). Both inputs are [batch, latent]; returns [batch].
 */
export function gaussianKl(mean: tf.Tensor2D, logVariance: tf.Tensor2D): tf.Tensor1D {
  return gaussianKlPerSample(mean, logVariance, 1);
}

/** The same per sample of a batch whose latent dimensions run along `latentAxis` (1: one sample per row, 0: per column). */
export function gaussianKlPerSample(mean: tf.Tensor2D, logVariance: tf.Tensor2D, latentAxis: 0 | 1): tf.Tensor1D {
  return tf.tidy(() => {
    const terms = tf.sub(tf.add(tf.square(mean), tf.exp(logVariance)), tf.add(logVariance, 1));
    return tf.mul(tf.sum(terms, latentAxis), 0.5) as tf.Tensor1D;
  });
}
