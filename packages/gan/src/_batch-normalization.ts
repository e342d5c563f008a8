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

/** How a normalization layer's per-feature vectors ([features]) broadcast against its input. */
export interface NormalizationLayout {
  /** The axes of the samples (and pixels, after a convolution): what the statistics reduce over. */
  sampleAxes: number[];
  /** The shape gamma and beta take to broadcast against the input. */
  featureShape: number[];
}

/** Each feature's mean and (biased) variance over a batch: what training normalizes with. */
export function batchStatistics(h: tf.Tensor, layout: NormalizationLayout): NormalizationStatistics {
  return tf.moments(h, layout.sampleAxes, true);
}

/**
 * Batch normalization: each feature of `h` to zero mean and unit variance, then `gamma · x̂ + beta`.
 * Without `statistics` it uses the batch's own and is differentiable through them (training), with its
 * own gradient: dx = (dx̂ − mean(dx̂) − x̂ · mean(dx̂ · x̂)) / σ for dx̂ = dy · gamma, dgamma = Σ dy · x̂,
 * dbeta = Σ dy — about half the ops of tfjs's gradients of the same forward ops, which broadcast and
 * reduce at every step. With `statistics` (inference) each sample's output depends on it alone.
 */
export function batchNormalize<T extends tf.Tensor>(
  h: T,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  layout: NormalizationLayout,
  statistics?: NormalizationStatistics,
): T {
  const { sampleAxes, featureShape } = layout;
  if (statistics) {
    return tf.tidy(() => {
      // y = h · scale + shift with per-feature scale = γ/σ and shift = β − mean · scale: two passes over h.
      const scale = tf.mul(tf.rsqrt(tf.add(statistics.variance, batchNormEpsilon)), tf.reshape(gamma, featureShape));
      return tf.add(tf.mul(h, scale), tf.sub(tf.reshape(beta, featureShape), tf.mul(statistics.mean, scale))) as T;
    });
  }
  const normalize = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, g, b, save] = args as [tf.Tensor, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
    const { mean, variance } = batchStatistics(x, layout);
    const inverseDeviation = tf.rsqrt(tf.add(variance, batchNormEpsilon));
    const normalized = tf.mul(tf.sub(x, mean), inverseDeviation);
    save([normalized, inverseDeviation, g]);
    return {
      value: tf.add(tf.mul(normalized, tf.reshape(g, featureShape)), tf.reshape(b, featureShape)),
      gradFunc: (dy, saved) => {
        const [xHat, inverse, savedGamma] = saved as [tf.Tensor, tf.Tensor, tf.Tensor1D];
        const dyTensor = dy as tf.Tensor;
        const dBeta = tf.reshape(tf.sum(dyTensor, sampleAxes), [-1]);
        const dGamma = tf.reshape(tf.sum(tf.mul(dyTensor, xHat), sampleAxes), [-1]);
        const dXHat = tf.mul(dyTensor, tf.reshape(savedGamma, featureShape));
        const centered = tf.sub(dXHat, tf.mean(dXHat, sampleAxes, true));
        const dX = tf.mul(tf.sub(centered, tf.mul(xHat, tf.mean(tf.mul(dXHat, xHat), sampleAxes, true))), inverse);
        return [dX, dGamma, dBeta];
      },
    };
  });
  return normalize(h, gamma, beta) as T;
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
