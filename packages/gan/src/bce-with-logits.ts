import * as tf from '@tensorflow/tfjs-core';

/**
 * Mean binary cross-entropy of `labels` against sigmoid(`logits`), computed on the logits so it never
 * takes log(0): max(x, 0) − x·y + log(1 + e^−|x|). `labels` may be a number for every element.
 */
export function bceWithLogits(logits: tf.Tensor, labels: tf.Tensor | number): tf.Scalar {
  return tf.tidy(() => {
    const y = typeof labels === 'number' ? tf.scalar(labels) : labels;
    const perElement = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, y)), tf.softplus(tf.neg(tf.abs(logits))));
    return tf.mean(perElement) as tf.Scalar;
  });
}
