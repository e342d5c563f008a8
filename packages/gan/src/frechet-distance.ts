import type { FeatureStatistics } from './feature-statistics';
import { symmetricEigen } from './symmetric-eigen';

/**
 * The Fréchet distance between two Gaussians fitted to features (FID when the features come from a
 * classifier): |μa − μb|² + tr Σa + tr Σb − 2 tr (Σa^½ Σb Σa^½)^½.
 *
 * tr (Σa Σb)^½ is computed as tr (Σa^½ Σb Σa^½)^½ — both square roots are of symmetric positive
 * semi-definite matrices, taken by eigen-decomposition in float64 with rounding-level negative
 * eigenvalues clamped to 0 — which avoids the non-symmetric square root (and its complex parts)
 * that scipy's sqrtm works around. The result is clamped at 0.
 */
export function frechetDistance(a: FeatureStatistics, b: FeatureStatistics): number {
  if (a.dim !== b.dim) throw new RangeError(`frechetDistance: feature lengths differ: ${a.dim} and ${b.dim}`);
  const n = a.dim;
  let meanTerm = 0;
  for (let d = 0; d < n; d++) meanTerm += (a.mean[d]! - b.mean[d]!) ** 2;
  let traces = 0;
  for (let d = 0; d < n; d++) traces += a.covariance[d * n + d]! + b.covariance[d * n + d]!;
  const rootA = symmetricSquareRoot(a.covariance, n);
  const product = multiply(multiply(rootA, b.covariance, n), rootA, n);
  const { values } = symmetricEigen(product, n);
  let crossTrace = 0;
  for (const value of values) crossTrace += Math.sqrt(Math.max(value, 0));
  return Math.max(meanTerm + traces - 2 * crossTrace, 0);
}

/** V · diag(√max(λ, 0)) · Vᵀ for a symmetric positive semi-definite matrix. */
function symmetricSquareRoot(matrix: Float64Array, n: number): Float64Array {
  const { values, vectors } = symmetricEigen(matrix, n);
  const root = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const s = Math.sqrt(Math.max(values[k]!, 0));
    if (s === 0) continue;
    for (let i = 0; i < n; i++) {
      const vik = vectors[i * n + k]! * s;
      for (let j = 0; j < n; j++) root[i * n + j]! += vik * vectors[j * n + k]!;
    }
  }
  return root;
}

function multiply(x: Float64Array, y: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const xik = x[i * n + k]!;
      if (xik === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j]! += xik * y[k * n + j]!;
    }
  }
  return out;
}
