import {
  checkMixture,
  compileLogDensity,
  defaultPosteriorTarget,
  type GaussianComponent2d,
  type GaussianMixture2d,
  gaussianLogDensity,
} from './gaussian-mixture-2d';
import { mixtureExpectation, mixtureKl, quadratureRule } from './mixture-kl';

/** Which divergence the fit minimizes: 'reverse-kl' is KL(q‖p), i.e. maximizing the ELBO (what a VAE does); 'forward-kl' is KL(p‖q). */
export type PosteriorObjective = 'reverse-kl' | 'forward-kl';
/** The family of q: a diagonal Gaussian (the standard VAE), a full-covariance Gaussian, or a mixture of two full-covariance Gaussians. */
export type PosteriorFamily = 'diagonal' | 'full' | 'mixture';
/** Where q starts: near the target's first mode (A), near its second (B), or centred on its mean (unit covariance). */
export type PosteriorInit = 'mode-a' | 'mode-b' | 'centred';

/** Options of fitPosterior. */
export interface FitPosteriorOptions {
  objective: PosteriorObjective;
  family: PosteriorFamily;
  init?: PosteriorInit;
  /** The true posterior p (default defaultPosteriorTarget); its first two components are modes A and B. */
  target?: readonly GaussianComponent2d[];
  /** Upper bound on optimizer iterations (default 4000). */
  maxIterations?: number;
}

/** A fitted q and how it sits against p. */
export interface FittedPosterior {
  objective: PosteriorObjective;
  family: PosteriorFamily;
  init: PosteriorInit;
  /** The fitted q as a mixture (one component for the Gaussian families). */
  params: GaussianMixture2d;
  /** KL(q‖p) in nats (the gap log p(x) − ELBO). */
  reverseKl: number;
  /** KL(p‖q) in nats. */
  forwardKl: number;
  /** E_q[responsibility of p's mode A], E_q[… of mode B]: where q's mass sits, summing to 1. */
  modeMass: [number, number];
  /** 'mode A' or 'mode B' when at least 90% of q's mass sits on one mode, else 'both modes'. */
  covers: 'mode A' | 'mode B' | 'both modes';
  /** Optimizer (reverse KL) or EM (forward KL, mixture) iterations; 0 for the closed-form forward-KL Gaussians. */
  iterations: number;
}

// Quadrature spacings (in standard deviations of q): coarse while Adam follows the gradient flow,
// fine for the BFGS polish, finer for the reported numbers.
const coarseSpacing = 0.5;
const fineSpacing = 0.25;
const reportSpacing = 0.1;

/**
 * Fits q to a 2-D posterior p by minimizing KL(q‖p) (reverse; Adam on reparameterized parameters,
 * gradients by central differences of a deterministic Gauss–Hermite objective) or KL(p‖q) (forward:
 * moment matching for the Gaussian families, which is exact; EM on p's quadrature points for the
 * mixture). Pure float64 arithmetic, deterministic, no tfjs.
 * @example
 * const fit = fitPosterior({ objective: 'reverse-kl', family: 'diagonal', init: 'mode-b' });
 * fit.covers; // 'mode B'
 */
export function fitPosterior(options: FitPosteriorOptions): FittedPosterior {
  const { objective, family, init = 'centred', maxIterations = 4000 } = options;
  const target = (options.target ?? defaultPosteriorTarget) as GaussianMixture2d;
  if (objective !== 'reverse-kl' && objective !== 'forward-kl')
    throw new RangeError(`fitPosterior: objective must be 'reverse-kl' or 'forward-kl', found ${String(objective)}`);
  if (!['diagonal', 'full', 'mixture'].includes(family))
    throw new RangeError(`fitPosterior: family must be 'diagonal', 'full' or 'mixture', found ${String(family)}`);
  if (!['mode-a', 'mode-b', 'centred'].includes(init))
    throw new RangeError(`fitPosterior: init must be 'mode-a', 'mode-b' or 'centred', found ${String(init)}`);
  checkMixture(target, 'fitPosterior: target');
  if (target.length < 2) throw new RangeError(`fitPosterior: target needs two modes (A and B), found ${target.length} component`);
  if (!Number.isSafeInteger(maxIterations) || maxIterations < 1)
    throw new RangeError(`fitPosterior: maxIterations must be a positive integer, found ${maxIterations}`);

  const start = initialParameters(family, init, target);
  let params: GaussianMixture2d;
  let iterations: number;
  if (objective === 'reverse-kl') {
    ({ params, iterations } = minimizeReverseKl(family, start, target, maxIterations));
  } else if (family === 'mixture') {
    ({ params, iterations } = expectationMaximization(toMixture(family, start), target, maxIterations));
  } else {
    params = [momentMatch(target, family === 'diagonal')];
    iterations = 0;
  }
  const modeMass = modeMasses(params, target);
  return {
    objective,
    family,
    init,
    params,
    // A KL is ≥ 0; clamping removes quadrature round-off (|error| < 1e-9) at an exact fit.
    reverseKl: Math.max(0, mixtureKl(params, target, reportSpacing)),
    forwardKl: Math.max(0, mixtureKl(target, params, reportSpacing)),
    modeMass,
    covers: modeMass[0] >= 0.9 ? 'mode A' : modeMass[1] >= 0.9 ? 'mode B' : 'both modes',
    iterations,
  };
}

// Unconstrained parameters: per component [μx, μy, log L11, L21, log L22] (diagonal: L21 fixed at 0,
// so 4 numbers), and for the mixture a final logit of the first component's weight.
function toMixture(family: PosteriorFamily, p: readonly number[]): GaussianMixture2d {
  const component = (o: number, weight: number, diagonal: boolean): GaussianComponent2d => {
    const l11 = Math.exp(p[o + 2]!);
    const l21 = diagonal ? 0 : p[o + 3]!;
    const l22 = Math.exp(p[o + (diagonal ? 3 : 4)]!);
    return {
      weight,
      mean: [p[o]!, p[o + 1]!],
      covariance: [
        [l11 * l11, l11 * l21],
        [l11 * l21, l21 * l21 + l22 * l22],
      ],
    };
  };
  if (family === 'diagonal') return [component(0, 1, true)];
  if (family === 'full') return [component(0, 1, false)];
  const w = 1 / (1 + Math.exp(-p[10]!));
  return [component(0, w, false), component(5, 1 - w, false)];
}

function initialParameters(family: PosteriorFamily, init: PosteriorInit, target: GaussianMixture2d): number[] {
  // "Near" a mode: half a unit off it, unit covariance; "centred": the mean of p.
  const centre: [number, number] =
    init === 'mode-a'
      ? [target[0]!.mean[0] + 0.5, target[0]!.mean[1] - 0.5]
      : init === 'mode-b'
        ? [target[1]!.mean[0] + 0.5, target[1]!.mean[1] - 0.5]
        : [target.reduce((s, c) => s + c.weight * c.mean[0], 0), target.reduce((s, c) => s + c.weight * c.mean[1], 0)];
  if (family === 'diagonal') return [centre[0], centre[1], 0, 0];
  if (family === 'full') return [centre[0], centre[1], 0, 0, 0];
  // Two components half a unit either side of the start (along x, whatever the target's layout), equal weights.
  return [centre[0] - 0.5, centre[1], 0, 0, 0, centre[0] + 0.5, centre[1], 0, 0, 0, 0];
}

function minimizeReverseKl(family: PosteriorFamily, start: number[], target: GaussianMixture2d, maxIterations: number) {
  let spacing = coarseSpacing;
  const objective = (p: readonly number[]) => mixtureKl(toMixture(family, p), target, spacing);
  // Central differences for the polish; forward differences (half the cost) while Adam explores.
  let central = false;
  const gradientOf = (p: readonly number[]) => {
    const here = central ? 0 : objective(p);
    return p.map((_, i) => {
      const up = [...p];
      up[i]! += finiteDifferenceStep;
      if (!central) return (objective(up) - here) / finiteDifferenceStep;
      const down = [...p];
      down[i]! -= finiteDifferenceStep;
      return (objective(up) - objective(down)) / (2 * finiteDifferenceStep);
    });
  };
  const p = [...start];
  // Phase 1: Adam, as a VAE's encoder is trained, so the fit follows the gradient flow from its start
  // and settles in the basin that start leads to.
  const m = p.map(() => 0);
  const v = p.map(() => 0);
  let iterations = 0;
  let gradient = gradientOf(p);
  for (; iterations < Math.min(adamIterations, maxIterations) && maxAbs(gradient) > gradientTolerance; iterations++) {
    const t = iterations + 1;
    for (let i = 0; i < p.length; i++) {
      m[i] = 0.9 * m[i]! + 0.1 * gradient[i]!;
      v[i] = 0.999 * v[i]! + 0.001 * gradient[i]! ** 2;
      p[i]! -= (0.05 * (m[i]! / (1 - 0.9 ** t))) / (Math.sqrt(v[i]! / (1 - 0.999 ** t)) + 1e-12);
    }
    gradient = gradientOf(p);
  }
  // Phase 2: BFGS with a backtracking line search settles it to the optimum's last digits.
  spacing = fineSpacing;
  central = true;
  gradient = gradientOf(p);
  const n = p.length;
  let inverseHessian = identity(n);
  let value = objective(p);
  for (; iterations < maxIterations && maxAbs(gradient) > gradientTolerance; iterations++) {
    let direction = multiply(inverseHessian, gradient).map((d) => -d);
    let slope = dot(direction, gradient);
    if (slope >= 0) {
      inverseHessian = identity(n);
      direction = gradient.map((g) => -g);
      slope = -dot(gradient, gradient);
    }
    let step = 1;
    let candidate = p.map((x, i) => x + step * direction[i]!);
    let candidateValue = objective(candidate);
    while (!(candidateValue <= value + 1e-4 * step * slope) && step > 1e-12) {
      step /= 2;
      candidate = p.map((x, i) => x + step * direction[i]!);
      candidateValue = objective(candidate);
    }
    if (!(candidateValue <= value)) break;
    const nextGradient = gradientOf(candidate);
    const s = candidate.map((x, i) => x - p[i]!);
    const y = nextGradient.map((g, i) => g - gradient[i]!);
    const sy = dot(s, y);
    if (sy > 1e-14) inverseHessian = bfgsUpdate(inverseHessian, s, y, sy);
    p.splice(0, n, ...candidate);
    value = candidateValue;
    gradient = nextGradient;
  }
  return { params: toMixture(family, p), iterations };
}

const finiteDifferenceStep = 1e-6;
const gradientTolerance = 1e-7;
const adamIterations = 300;

function maxAbs(values: readonly number[]): number {
  return Math.max(...values.map(Math.abs));
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, x, i) => sum + x * b[i]!, 0);
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function multiply(matrix: readonly number[][], vector: readonly number[]): number[] {
  return matrix.map((row) => dot(row, vector));
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / sᵀy. */
function bfgsUpdate(h: readonly number[][], s: readonly number[], y: readonly number[], sy: number): number[][] {
  const rho = 1 / sy;
  const hy = multiply(h, y);
  const yhy = dot(y, hy);
  return h.map((row, i) =>
    row.map((value, j) => value - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!),
  );
}

/** The Gaussian with p's mean and covariance (its diagonal only when `diagonal`): the exact forward-KL minimizer. */
function momentMatch(target: GaussianMixture2d, diagonal: boolean): GaussianComponent2d {
  const mx = target.reduce((s, c) => s + c.weight * c.mean[0], 0);
  const my = target.reduce((s, c) => s + c.weight * c.mean[1], 0);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const c of target) {
    const dx = c.mean[0] - mx;
    const dy = c.mean[1] - my;
    sxx += c.weight * (c.covariance[0][0] + dx * dx);
    sxy += c.weight * (c.covariance[0][1] + dx * dy);
    syy += c.weight * (c.covariance[1][1] + dy * dy);
  }
  const off = diagonal ? 0 : sxy;
  return {
    weight: 1,
    mean: [mx, my],
    covariance: [
      [sxx, off],
      [off, syy],
    ],
  };
}

/** Minimizes KL(p‖q) over mixtures q by EM on p's Gauss–Hermite points (a weighted sample of p). */
function expectationMaximization(start: GaussianMixture2d, target: GaussianMixture2d, maxIterations: number) {
  const { u1, u2, weights } = quadratureRule(fineSpacing);
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (const c of target) {
    const [[s11, s12], [, s22]] = c.covariance;
    const l11 = Math.sqrt(s11);
    const l21 = s12 / l11;
    const l22 = Math.sqrt(s22 - l21 * l21);
    for (let i = 0; i < weights.length; i++) {
      xs.push(c.mean[0] + l11 * u1[i]!);
      ys.push(c.mean[1] + l21 * u1[i]! + l22 * u2[i]!);
      ws.push(c.weight * weights[i]!);
    }
  }
  let q = start.map((c) => ({ ...c, mean: [...c.mean] as [number, number] }));
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const sums = q.map(() => ({ w: 0, x: 0, y: 0, xx: 0, xy: 0, yy: 0 }));
    for (let i = 0; i < xs.length; i++) {
      const logs = q.map((c) => Math.log(c.weight) + gaussianLogDensity(c, xs[i]!, ys[i]!));
      const max = Math.max(...logs);
      const total = logs.reduce((s, l) => s + Math.exp(l - max), 0);
      logs.forEach((l, k) => {
        const r = (ws[i]! * Math.exp(l - max)) / total;
        const s = sums[k]!;
        s.w += r;
        s.x += r * xs[i]!;
        s.y += r * ys[i]!;
        s.xx += r * xs[i]! * xs[i]!;
        s.xy += r * xs[i]! * ys[i]!;
        s.yy += r * ys[i]! * ys[i]!;
      });
    }
    const next = sums.map((s): GaussianComponent2d => {
      const mx = s.x / s.w;
      const my = s.y / s.w;
      const cxy = s.xy / s.w - mx * my;
      return {
        weight: s.w,
        mean: [mx, my],
        covariance: [
          [s.xx / s.w - mx * mx, cxy],
          [cxy, s.yy / s.w - my * my],
        ],
      };
    });
    const change = Math.max(
      ...next.flatMap((c, k) => [
        Math.abs(c.weight - q[k]!.weight),
        Math.abs(c.mean[0] - q[k]!.mean[0]),
        Math.abs(c.mean[1] - q[k]!.mean[1]),
      ]),
    );
    q = next;
    if (change < 1e-12) break;
  }
  return { params: q, iterations };
}

function modeMasses(q: GaussianMixture2d, target: GaussianMixture2d): [number, number] {
  const logP = compileLogDensity(target);
  const responsibility = (k: number) => (x: number, y: number) =>
    Math.exp(Math.log(target[k]!.weight) + gaussianLogDensity(target[k]!, x, y) - logP(x, y));
  return [mixtureExpectation(q, responsibility(0), reportSpacing), mixtureExpectation(q, responsibility(1), reportSpacing)];
}
