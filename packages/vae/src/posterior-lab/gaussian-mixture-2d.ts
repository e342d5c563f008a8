/** One weighted 2-D Gaussian: weight π, mean μ and covariance Σ (symmetric positive definite). */
export interface GaussianComponent2d {
  weight: number;
  mean: [number, number];
  covariance: [[number, number], [number, number]];
}

/** A 2-D Gaussian mixture, Σ πₖ N(μₖ, Σₖ); a single Gaussian is a mixture of one component of weight 1. */
export type GaussianMixture2d = GaussianComponent2d[];

/**
 * The lab's true posterior p(z|x): two well-separated modes (about 6.5 standard deviations apart), each a
 * tilted ellipse, tilted different ways so that the picture has no symmetry a fit could get stuck on.
 */
export const defaultPosteriorTarget: Readonly<GaussianMixture2d> = Object.freeze([
  {
    weight: 0.5,
    mean: [-2, -1],
    covariance: [
      [0.5, 0.3],
      [0.3, 0.5],
    ],
  },
  {
    weight: 0.5,
    mean: [2, 1.2],
    covariance: [
      [0.6, -0.2],
      [-0.2, 0.4],
    ],
  },
] as GaussianMixture2d);

const log2Pi = Math.log(2 * Math.PI);

/** log Σ πₖ N((x, y); μₖ, Σₖ), evaluated in log space so that far tails stay finite. */
export function mixtureLogDensity(mixture: readonly GaussianComponent2d[], x: number, y: number): number {
  return compileLogDensity(mixture)(x, y);
}

/**
 * The mixture's log density as a closure with every per-component constant (precision, log
 * normalizer) computed once: the quadrature loops call it hundreds of thousands of times.
 */
export function compileLogDensity(mixture: readonly GaussianComponent2d[]): (x: number, y: number) => number {
  const n = mixture.length;
  const mx = new Float64Array(n);
  const my = new Float64Array(n);
  const pxx = new Float64Array(n);
  const pxy = new Float64Array(n);
  const pyy = new Float64Array(n);
  const offset = new Float64Array(n);
  mixture.forEach((c, k) => {
    const [[a, b], [, d]] = c.covariance;
    const det = a * d - b * b;
    mx[k] = c.mean[0];
    my[k] = c.mean[1];
    pxx[k] = d / det;
    pxy[k] = -b / det;
    pyy[k] = a / det;
    offset[k] = Math.log(c.weight) - 0.5 * Math.log(det) - log2Pi;
  });
  const terms = new Float64Array(n);
  return (x, y) => {
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < n; k++) {
      const dx = x - mx[k]!;
      const dy = y - my[k]!;
      const t = offset[k]! - 0.5 * (pxx[k]! * dx * dx + 2 * pxy[k]! * dx * dy + pyy[k]! * dy * dy);
      terms[k] = t;
      if (t > max) max = t;
    }
    if (n === 1 || max === Number.NEGATIVE_INFINITY) return max;
    let sum = 0;
    for (let k = 0; k < n; k++) sum += Math.exp(terms[k]! - max);
    return max + Math.log(sum);
  };
}

/** log N((x, y); μ, Σ) of one component (its weight ignored). */
export function gaussianLogDensity(c: GaussianComponent2d, x: number, y: number): number {
  const [[a, b], [, d]] = c.covariance;
  const det = a * d - b * b;
  const dx = x - c.mean[0];
  const dy = y - c.mean[1];
  const quadratic = (d * dx * dx - 2 * b * dx * dy + a * dy * dy) / det;
  return -0.5 * (quadratic + Math.log(det)) - log2Pi;
}

/** Throws a RangeError unless every component has a positive weight, finite mean and SPD covariance, and weights sum to 1. */
export function checkMixture(mixture: readonly GaussianComponent2d[], what: string): void {
  if (!Array.isArray(mixture) || mixture.length === 0) throw new RangeError(`${what} must be a non-empty array of Gaussian components`);
  let total = 0;
  mixture.forEach((c, i) => {
    const [[a, b], [b2, d]] = c?.covariance ?? [
      [Number.NaN, 0],
      [0, Number.NaN],
    ];
    const finite = [c?.weight, ...(c?.mean ?? []), a, b, b2, d].every((v) => typeof v === 'number' && Number.isFinite(v));
    if (!finite || c.mean.length !== 2) throw new RangeError(`${what}[${i}] must have a finite weight, a mean [x, y] and a 2×2 covariance`);
    if (!(c.weight > 0)) throw new RangeError(`${what}[${i}].weight must be > 0, found ${c.weight}`);
    if (b !== b2 || !(a > 0) || !(a * d - b * b > 0)) {
      throw new RangeError(`${what}[${i}].covariance must be symmetric positive definite, found [[${a}, ${b}], [${b2}, ${d}]]`);
    }
    total += c.weight;
  });
  if (Math.abs(total - 1) > 1e-9) throw new RangeError(`${what} weights must sum to 1, found ${total}`);
}
