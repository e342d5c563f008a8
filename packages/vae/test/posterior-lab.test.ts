import { describe, expect, test } from 'vitest';
import { defaultPosteriorTarget, fitPosterior, type GaussianMixture2d, mixtureKl, mixtureLogDensity, runPosteriorLab } from '../src/index';

const target = defaultPosteriorTarget;
const gaussian = (mean: [number, number], covariance: [[number, number], [number, number]]): GaussianMixture2d => [
  { weight: 1, mean, covariance },
];

describe('mixtureKl', () => {
  test('matches the closed-form KL between two Gaussians', () => {
    const a = gaussian(
      [0.3, -0.2],
      [
        [1.2, 0.4],
        [0.4, 0.8],
      ],
    );
    const b = gaussian(
      [-0.5, 0.6],
      [
        [0.7, -0.1],
        [-0.1, 1.5],
      ],
    );
    // ½ [tr(Σb⁻¹Σa) + (μb−μa)ᵀΣb⁻¹(μb−μa) − 2 + ln(det Σb / det Σa)]
    const [[p, q], [, r]] = [
      [0.7, -0.1],
      [-0.1, 1.5],
    ];
    const det = p * r - q * q;
    const inv = [
      [r / det, -q / det],
      [-q / det, p / det],
    ] as const;
    const trace = inv[0][0] * 1.2 + 2 * inv[0][1] * 0.4 + inv[1][1] * 0.8;
    const d = [-0.8, 0.8];
    const quad = inv[0][0] * d[0]! ** 2 + 2 * inv[0][1] * d[0]! * d[1]! + inv[1][1] * d[1]! ** 2;
    const exact = 0.5 * (trace + quad - 2 + Math.log(det / (1.2 * 0.8 - 0.16)));
    expect(mixtureKl(a, b)).toBeCloseTo(exact, 10);
    expect(mixtureKl(a, a)).toBeCloseTo(0, 12);
  });

  test('mixtureLogDensity integrates to 1', () => {
    let sum = 0;
    const h = 0.05;
    for (let x = -9; x <= 9; x += h) for (let y = -9; y <= 9; y += h) sum += Math.exp(mixtureLogDensity(target, x, y)) * h * h;
    expect(sum).toBeCloseTo(1, 6);
  });
});

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

describe('runPosteriorLab', () => {
  test('gives 12 cases with figures and an answer built from their numbers', async () => {
    const lab = await runPosteriorLab();
    expect(lab.cases.map((c) => c.id)).toEqual([
      'reverse-kl-diagonal-mode-a',
      'reverse-kl-diagonal-mode-b',
      'reverse-kl-diagonal-centred',
      'reverse-kl-full-mode-a',
      'reverse-kl-full-mode-b',
      'reverse-kl-full-centred',
      'reverse-kl-mixture-mode-a',
      'reverse-kl-mixture-mode-b',
      'reverse-kl-mixture-centred',
      'forward-kl-diagonal-centred',
      'forward-kl-full-centred',
      'forward-kl-mixture-centred',
    ]);
    for (const c of lab.cases) {
      expect(c.svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      expect(c.svg).toContain('#1f6fd1'); // p in blue
      expect(c.svg).toContain('#d62728'); // q in red
      expect(Number.isFinite(c.reverseKl) && Number.isFinite(c.forwardKl)).toBe(true);
    }
    const diagonal = lab.cases.filter((c) => c.objective === 'reverse-kl' && c.family === 'diagonal');
    expect(diagonal.every((c) => c.covers !== 'both modes')).toBe(true);
    const md = lab.answer.markdown;
    expect(md).toContain('log p(x) = E_q[log p(x, z) − log q(z|x)] + E_q[log q(z|x) − log p(z|x)] = ELBO + KL(q(z|x) ‖ p(z|x))');
    expect(md).toContain('ELBO     = E_q[log p(x|z)] − KL(q(z|x) ‖ p(z))');
    expect(md).toContain(
      `started near mode A it settled on mode A at (-2.00, -1.00) (KL(q‖p) = ${diagonal[0]!.reverseKl.toFixed(3)} nats)`,
    );
    expect(md).toMatch(/It cannot learn the bimodal shape/);
    expect(md).toMatch(/It cannot learn a tilted ellipse/);
    expect(md).toMatch(/is the forward-KL\(p‖q\) solution/);
    expect(md.split('\n').filter((line) => line.startsWith('| reverse') || line.startsWith('| forward'))).toHaveLength(12);
  }, 120_000);

  test('figures: false skips the plots; cases picks the fits', async () => {
    const lab = await runPosteriorLab({ figures: false, cases: [{ objective: 'forward-kl', family: 'full', init: 'centred' }] });
    expect(lab.cases.map((c) => [c.id, c.svg])).toEqual([['forward-kl-full-centred', undefined]]);
    expect(lab.answer.markdown).toContain(
      '| forward | full-covariance Gaussian | any (convex) | (0.00, 0.10) | [[4.55, 2.25], [2.25, 1.66]] |',
    );
  });
});
