import * as tf from '@tensorflow/tfjs-core';

/**
 * log p(x | logits) per row for independent Bernoulli pixels, in nats: Σ x·l − softplus(l), computed on
 * logits so it never takes log 0. Targets may be grey levels in [0, 1] (the usual MNIST practice).
 * Both inputs are [batch, pixels]; returns [batch].
 */
export function bernoulliLogLikelihood(logits: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor1D {
  return bernoulliLogLikelihoodPerSample(logits, x, 1);
}

/** The same per sample of a batch whose pixels run along `pixelAxis` (1: one sample per row, 0: per column). */
export function bernoulliLogLikelihoodPerSample(logits: tf.Tensor2D, x: tf.Tensor2D, pixelAxis: 0 | 1): tf.Tensor1D {
  return tf.tidy(() => tf.sum(tf.sub(tf.mul(x, logits), tf.softplus(logits)), pixelAxis) as tf.Tensor1D);
}
