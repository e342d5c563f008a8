import { describe, expect, test } from 'vitest';
import { mixtureLogDensity, runPosteriorLab } from '../src/node';

describe('runPosteriorLab', () => {
  test('gives 12 cases with what their figures show and an answer built from their numbers', async () => {
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
      // What each figure shows, as data (the demo draws it: apps/demo/test/draw-posterior-lab-figures.test.ts).
      expect(c.figure.densities.map((d) => d.color)).toEqual(['#1f6fd1', '#d62728']); // p in blue, q in red
      expect(c.figure.densities[1].f(c.params[0]!.mean[0], c.params[0]!.mean[1])).toBeCloseTo(
        Math.exp(mixtureLogDensity(c.params, ...c.params[0]!.mean)),
        12,
      );
      expect([c.figure.title, c.figure.xRange, c.figure.yRange]).toEqual([
        c.title,
        lab.cases[0]!.figure.xRange,
        lab.cases[0]!.figure.yRange,
      ]);
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

  test('cases picks the fits', async () => {
    const lab = await runPosteriorLab({ cases: [{ objective: 'forward-kl', family: 'full', init: 'centred' }] });
    expect(lab.cases.map((c) => c.id)).toEqual(['forward-kl-full-centred']);
    expect(lab.answer.markdown).toContain(
      '| forward | full-covariance Gaussian | any (convex) | (0.00, 0.10) | [[4.55, 2.25], [2.25, 1.66]] |',
    );
  });
});
