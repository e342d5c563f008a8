import { describe, expect, test } from 'vitest';
import { fitPosterior, type GaussianMixture2d } from '../src/node';

const gaussian = (mean: [number, number], covariance: [[number, number], [number, number]]): GaussianMixture2d => [
  { weight: 1, mean, covariance },
];

describe('fitPosterior', () => {
  test('reverse KL (the ELBO) is mode seeking: the diagonal Gaussian sits on the mode it starts near', () => {
    const a = fitPosterior({ objective: 'reverse-kl', family: 'diagonal', init: 'mode-a' });
    const b = fitPosterior({ objective: 'reverse-kl', family: 'diagonal', init: 'mode-b' });
    expect(a.covers).toBe('mode A');
    expect(b.covers).toBe('mode B');
    expect(a.modeMass[0]).toBeGreaterThan(0.99);
    expect(b.modeMass[1]).toBeGreaterThan(0.99);
    expect(a.params[0]!.mean[0]).toBeCloseTo(-2, 2);
    expect(a.params[0]!.mean[1]).toBeCloseTo(-1, 2);
    // On an isolated mode the reverse-KL diagonal fit matches the precision's diagonal: σ² = 1/Λᵢᵢ = 0.16/0.5.
    expect(a.params[0]!.covariance[0][0]).toBeCloseTo(0.32, 3);
    expect(a.params[0]!.covariance[0][1]).toBe(0);
    // It pays about log 2 for the missing mode, and misses that mode badly in the forward direction.
    expect(a.reverseKl).toBeGreaterThan(Math.log(2) - 0.01);
    expect(a.reverseKl).toBeLessThan(1);
    expect(a.forwardKl).toBeGreaterThan(5);
  });

  test("forward KL is mass covering: the Gaussian spans both modes with p's mean and variances", () => {
    const fit = fitPosterior({ objective: 'forward-kl', family: 'diagonal' });
    expect(fit.covers).toBe('both modes');
    expect(fit.modeMass[0]).toBeGreaterThan(0.3);
    expect(fit.modeMass[1]).toBeGreaterThan(0.3);
    const [[vx], [, vy]] = fit.params[0]!.covariance;
    // Var = Σ πₖ(Σₖ + (μₖ − μ)(μₖ − μ)ᵀ): x 0.5·(0.5 + 4) + 0.5·(0.6 + 4) = 4.55, y 0.5·(0.5 + 1.21) + 0.5·(0.4 + 1.21) = 1.66.
    expect(vx).toBeCloseTo(4.55, 10);
    expect(vy).toBeCloseTo(1.66, 10);
    expect(fit.params[0]!.mean).toEqual([0, expect.closeTo(0.1, 10)]);
    // The covering Gaussian is a poor ELBO: far worse in reverse KL than the one-mode fit.
    const oneMode = fitPosterior({ objective: 'reverse-kl', family: 'diagonal', init: 'mode-b' });
    expect(fit.reverseKl).toBeGreaterThan(oneMode.reverseKl + 1);
    expect(fit.forwardKl).toBeLessThan(oneMode.forwardKl);
  });

  test('a full covariance tilts with the mode; a mixture of two fits p exactly', () => {
    const full = fitPosterior({ objective: 'reverse-kl', family: 'full', init: 'mode-a' });
    const [[sxx, sxy], [, syy]] = full.params[0]!.covariance;
    expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThan(0.5);
    expect(full.reverseKl).toBeLessThan(fitPosterior({ objective: 'reverse-kl', family: 'diagonal', init: 'mode-a' }).reverseKl);
    const mixture = fitPosterior({ objective: 'forward-kl', family: 'mixture' });
    expect(mixture.reverseKl).toBeLessThan(1e-6);
    expect(mixture.forwardKl).toBeLessThan(1e-6);
  });

  test('bad options are one RangeError naming them', () => {
    // @ts-expect-error: checked at run time for JavaScript callers
    expect(() => fitPosterior({ objective: 'kl', family: 'diagonal' })).toThrow(
      "fitPosterior: objective must be 'reverse-kl' or 'forward-kl', found kl",
    );
    // @ts-expect-error: checked at run time
    expect(() => fitPosterior({ objective: 'reverse-kl', family: 'flow' })).toThrow(
      "family must be 'diagonal', 'full' or 'mixture', found flow",
    );
    const bent = [
      {
        weight: 0.5,
        mean: [0, 0],
        covariance: [
          [1, 2],
          [2, 1],
        ],
      },
      {
        weight: 0.5,
        mean: [3, 0],
        covariance: [
          [1, 0],
          [0, 1],
        ],
      },
    ] as GaussianMixture2d;
    expect(() => fitPosterior({ objective: 'reverse-kl', family: 'diagonal', target: bent })).toThrow(
      'fitPosterior: target[0].covariance must be symmetric positive definite, found [[1, 2], [2, 1]]',
    );
    const single = gaussian(
      [0, 0],
      [
        [1, 0],
        [0, 1],
      ],
    );
    expect(() => fitPosterior({ objective: 'reverse-kl', family: 'diagonal', target: single })).toThrow(
      'target needs two modes (A and B), found 1 component',
    );
  });
});
