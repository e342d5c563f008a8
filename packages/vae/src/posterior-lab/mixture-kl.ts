import { whitenedGrid } from './_whitened-grid';
import { compileLogDensity, type GaussianComponent2d } from './gaussian-mixture-2d';

const rules = new Map<number, ReturnType<typeof whitenedGrid>>();

/** The cached quadrature rule of a grid spacing: radius 7 standard deviations, 6 for the coarse rules (spacing ≥ 0.4). */
export function quadratureRule(spacing: number): ReturnType<typeof whitenedGrid> {
  let rule = rules.get(spacing);
  if (!rule) {
    rule = whitenedGrid(spacing, spacing >= 0.4 ? 6 : 7);
    rules.set(spacing, rule);
  }
  return rule;
}

/**
 * E_a[f(z)] for a Gaussian mixture a: each component's expectation by quadrature in its own whitened
 * coordinates (z = μ + L·u, Σ = L·Lᵀ, u on a uniform grid of `spacing`), weighted by the component weights.
 */
export function mixtureExpectation(a: readonly GaussianComponent2d[], f: (x: number, y: number) => number, spacing = 0.1): number {
  const { u1, u2, weights } = quadratureRule(spacing);
  let total = 0;
  for (const c of a) {
    const [[s11, s12], [, s22]] = c.covariance;
    const l11 = Math.sqrt(s11);
    const l21 = s12 / l11;
    const l22 = Math.sqrt(s22 - l21 * l21);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const x = c.mean[0] + l11 * u1[i]!;
      const y = c.mean[1] + l21 * u1[i]! + l22 * u2[i]!;
      sum += weights[i]! * f(x, y);
    }
    total += c.weight * sum;
  }
  return total;
}

/**
 * KL(a ‖ b) = E_a[log a(z) − log b(z)] in nats for 2-D Gaussian mixtures, by deterministic quadrature
 * (see mixtureExpectation; the default spacing 0.1 is exact to about 1e-8). KL(q‖p) is the reverse KL a
 * VAE minimizes; KL(p‖q) the forward KL.
 * @example
 * mixtureKl(q, defaultPosteriorTarget); // reverse KL of q against the lab's posterior
 */
export function mixtureKl(a: readonly GaussianComponent2d[], b: readonly GaussianComponent2d[], spacing = 0.1): number {
  const logA = compileLogDensity(a);
  const logB = compileLogDensity(b);
  return mixtureExpectation(a, (x, y) => logA(x, y) - logB(x, y), spacing);
}
