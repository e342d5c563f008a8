import * as tf from '@tensorflow/tfjs-core';

/**
 * KL(N(mean, diag(exp(logVariance))) ‖ N(0, I)) per row, in nats: the analytic KL term of the ELBO,
 * −½ Σ (1 + log σ² − μ² − σ²). Both inputs are [batch, latent]; returns [batch].
 */
export function gaussianKl(mean: tf.Tensor2D, logVariance: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const terms = tf.sub(tf.add(tf.square(mean), tf.exp(logVariance)), tf.add(logVariance, 1));
    return tf.mul(tf.sum(terms, 1), 0.5) as tf.Tensor1D;
  });
}
