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
function batchStatistics(h: tf.Tensor, layout: NormalizationLayout): NormalizationStatistics {
  return tf.moments(h, layout.sampleAxes, true);
}

/** One normalization layer of a forward pass: batch-normalizes `h` with the statistics the pass uses. */
export type NormalizeLayer = <T extends tf.Tensor>(h: T, gamma: tf.Tensor1D, beta: tf.Tensor1D, layout: NormalizationLayout) => T;

/**
 * The normalization layers of one forward pass, in order: each takes the `given` statistics (sampling),
 * or the batch's own, recorded in `seen` when that is passed (standing statistics), else differentiated
 * through (training).
 */
export function normalizationPass(given?: NormalizationStatistics[], seen?: NormalizationStatistics[]): NormalizeLayer {
  let layer = 0;
  return (h, gamma, beta, layout) => {
    let statistics = given?.[layer++];
    if (!statistics && seen) seen.push((statistics = batchStatistics(h, layout)));
    return batchNormalize(h, gamma, beta, layout, statistics);
  };
}

/**
 * Batch normalization: each feature of `h` to zero mean and unit variance, then `gamma · x̂ + beta`.
 * Without `statistics` it uses the batch's own and is differentiable through them (training), with its
 * own gradient: for σ⁻¹ = 1/√(var + ε), c = h − mean and N samples per feature, dbeta = Σ dy,
 * dgamma = σ⁻¹ Σ dy·c and dh = γσ⁻¹ · (dy − dbeta/N − c · σ⁻¹ dgamma/N). Each pass over a whole
 * tensor costs about as much as the layer's share of the GEMM here, so both directions are written
 * in as few as they take: 6 forward and 7 back, where tfjs's gradients of the same forward ops take
 * 8 and 11 (tested equal to them). With `statistics` (inference) each sample's output depends on it alone.
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
  const perFeature = h.size / tf.util.sizeFromShape(featureShape);
  const normalize = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, g, b, save] = args as [tf.Tensor, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
    const centered = tf.sub(x, tf.mean(x, sampleAxes, true));
    const inverseDeviation = tf.rsqrt(tf.add(tf.mean(tf.square(centered), sampleAxes, true), batchNormEpsilon));
    const scale = tf.mul(inverseDeviation, tf.reshape(g, featureShape));
    save([centered, inverseDeviation, scale]);
    return {
      value: tf.add(tf.mul(centered, scale), tf.reshape(b, featureShape)),
      gradFunc: (dy, saved) => {
        const [c, inverse, k] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
        const gradient = dy as tf.Tensor;
        const dBeta = tf.sum(gradient, sampleAxes, true);
        const dyDotCentered = tf.sum(tf.mul(gradient, c), sampleAxes, true);
        // dh = γσ⁻¹ · (dy − (c · σ⁻²Σdy·c/N + Σdy/N)): the per-feature factors first, then four passes.
        const alongCentered = tf.div(tf.mul(tf.square(inverse), dyDotCentered), perFeature);
        const dh = tf.mul(tf.sub(gradient, tf.add(tf.mul(c, alongCentered), tf.div(dBeta, perFeature))), k);
        return [dh, tf.reshape(tf.mul(dyDotCentered, inverse), [-1]), tf.reshape(dBeta, [-1])];
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
