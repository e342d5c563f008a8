import * as tf from '@tensorflow/tfjs-core';

/** Whether the generator's hidden layers are batch-normalized before their activation. */
export type GeneratorNormalization = 'none' | 'batch';

/** PyTorch's default; exported layers models carry it, so they normalize as the trainer does. */
export const batchNormEpsilon = 1e-5;

/** One normalization layer's per-feature mean and (biased) variance, shaped to broadcast against its input. */
export interface NormalizationStatistics {
  mean: tf.Tensor;
  variance: tf.Tensor;
}

/**
 * Batch normalization: each feature of `h` to zero mean and unit variance, then `gamma · x̂ + beta`.
 * The statistics are the batch's own over `sampleAxes` (training, and the standing statistics of a
 * reference batch), or the given ones (inference: each sample's output then depends on it alone).
 * `gamma` and `beta` are [features]; `featureShape` is how they broadcast against `h`.
 */
export function batchNormalize<T extends tf.Tensor>(
  h: T,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  layout: { sampleAxes: number[]; featureShape: number[] },
  statistics?: NormalizationStatistics,
): { output: T; statistics: NormalizationStatistics } {
  return tf.tidy(() => {
    const used = statistics ?? tf.moments(h, layout.sampleAxes, true);
    const scale = tf.mul(tf.rsqrt(tf.add(used.variance, batchNormEpsilon)), tf.reshape(gamma, layout.featureShape));
    const output = tf.add(tf.mul(tf.sub(h, used.mean), scale), tf.reshape(beta, layout.featureShape)) as T;
    return { output, statistics: { mean: used.mean, variance: used.variance } };
  });
}

/**
 * The statistics a training-mode forward pass records (it pushes each normalization layer's onto the
 * array it is given), kept; every other tensor of the pass is freed. The caller disposes them.
 */
export function keptStatistics(forward: (seen: NormalizationStatistics[]) => unknown): NormalizationStatistics[] {
  const seen: NormalizationStatistics[] = [];
  const kept = tf.tidy(() => {
    forward(seen);
    return seen.flatMap(({ mean, variance }) => [mean, variance]);
  });
  return seen.map((_, i) => ({ mean: kept[2 * i]!, variance: kept[2 * i + 1]! }));
}
