import * as tf from '@tensorflow/tfjs-core';

/**
 * log p(x | logits) per row for independent Bernoulli pixels, in nats: Σ x·l − softplus(l), computed on
 * logits so it never takes log 0. Targets may be grey levels in [0, 1] (the usual MNIST practice).
 * Both inputs are [batch, pixels]; returns [batch].
 */
export function bernoulliLogLikelihood(logits: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.sum(tf.sub(tf.mul(x, logits), tf.softplus(logits)), 1) as tf.Tensor1D);
}
