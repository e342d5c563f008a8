/** Mean and covariance of feature vectors, in float64: what a Fréchet distance compares. */
export interface FeatureStatistics {
  /** Feature length. */
  dim: number;
  /** Vectors summarized. */
  count: number;
  mean: Float64Array;
  /** dim × dim, row-major, with the unbiased (count − 1) normalization. */
  covariance: Float64Array;
}

/**
 * Mean and covariance of `count` feature vectors of length `dim` stored row after row, accumulated
 * in float64 after centering (no E[x²] − E[x]² cancellation). Needs count ≥ 2.
 */
export function featureStatistics(features: ArrayLike<number>, count: number, dim: number): FeatureStatistics {
  if (!Number.isInteger(count) || count < 2 || !Number.isInteger(dim) || dim < 1 || features.length !== count * dim) {
    throw new RangeError(
      `featureStatistics: expected count ≥ 2 vectors of dim ≥ 1 (count × dim values); found ${features.length} values for count ${count}, dim ${dim}`,
    );
  }
  const mean = new Float64Array(dim);
  for (let i = 0; i < count; i++) for (let d = 0; d < dim; d++) mean[d]! += features[i * dim + d]!;
  for (let d = 0; d < dim; d++) mean[d]! /= count;
  const covariance = new Float64Array(dim * dim);
  const centered = new Float64Array(dim);
  for (let i = 0; i < count; i++) {
    for (let d = 0; d < dim; d++) centered[d] = features[i * dim + d]! - mean[d]!;
    for (let r = 0; r < dim; r++) {
      const x = centered[r]!;
      if (x === 0) continue;
      for (let c = r; c < dim; c++) covariance[r * dim + c]! += x * centered[c]!;
    }
  }
  for (let r = 0; r < dim; r++) {
    for (let c = r; c < dim; c++) {
      const value = covariance[r * dim + c]! / (count - 1);
      covariance[r * dim + c] = value;
      covariance[c * dim + r] = value;
    }
  }
  return { dim, count, mean, covariance };
}
