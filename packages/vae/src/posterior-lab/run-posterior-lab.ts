import { contourPlot } from '@dlkit/plot';
import { caseTitle, posteriorLabAnswer } from './_posterior-lab-answer';
import { type FittedPosterior, fitPosterior, type PosteriorFamily, type PosteriorInit, type PosteriorObjective } from './fit-posterior';
import { checkMixture, compileLogDensity, defaultPosteriorTarget, type GaussianMixture2d } from './gaussian-mixture-2d';

/** Options of runPosteriorLab. */
export interface PosteriorLabOptions {
  /** The true posterior p (default defaultPosteriorTarget); components 0 and 1 are modes A and B. */
  target?: GaussianMixture2d;
  /** Draw the figures (default true); false skips @dlkit/plot and leaves `svg` undefined. */
  figures?: boolean;
  /** Which cases to run, in order (default posteriorLabCases, all 12); the answer covers the ones run. */
  cases?: ReadonlyArray<{ objective: PosteriorObjective; family: PosteriorFamily; init: PosteriorInit }>;
}

/** One fitted case: a FittedPosterior with an id, a title and its figure. */
export interface PosteriorLabCase extends FittedPosterior {
  /** `${objective}-${family}-${init}`, e.g. 'reverse-kl-diagonal-mode-a'. */
  id: string;
  title: string;
  /** p in blue contours, q in red (SVG document), when figures are on. */
  svg?: string;
}

/** Everything the Q3 section of a report needs. */
export interface PosteriorLab {
  target: GaussianMixture2d;
  cases: PosteriorLabCase[];
  answer: { markdown: string };
}

/** The 12 cases: reverse KL for each family from each start; forward KL for each family (Gaussians: closed form). */
export const posteriorLabCases: ReadonlyArray<{ objective: PosteriorObjective; family: PosteriorFamily; init: PosteriorInit }> = [
  ...(['diagonal', 'full', 'mixture'] as const).flatMap((family) =>
    (['mode-a', 'mode-b', 'centred'] as const).map((init) => ({ objective: 'reverse-kl' as const, family, init })),
  ),
  ...(['diagonal', 'full', 'mixture'] as const).map((family) => ({ objective: 'forward-kl' as const, family, init: 'centred' as const })),
];

/**
 * The posterior-approximation lab (the assignment's Q3): fits q to a two-mode posterior p by reverse
 * KL (what a VAE does) and forward KL, for a diagonal Gaussian, a full-covariance Gaussian and a
 * two-Gaussian mixture, from starts near either mode or centred; draws each fit; writes the answer.
 * Deterministic, float64, no tfjs; a few seconds on one core.
 * @example
 * const lab = await runPosteriorLab();
 * lab.cases.find((c) => c.id === 'reverse-kl-diagonal-mode-a')?.covers; // 'mode A'
 * console.log(lab.answer.markdown);
 */
export async function runPosteriorLab(options: PosteriorLabOptions = {}): Promise<PosteriorLab> {
  const target = options.target ?? (defaultPosteriorTarget as GaussianMixture2d);
  checkMixture(target, 'runPosteriorLab: target');
  const fits = (options.cases ?? posteriorLabCases).map((c) => fitPosterior({ ...c, target }));
  const [xRange, yRange] = plotRanges(target);
  const logP = compileLogDensity(target);
  const cases: PosteriorLabCase[] = [];
  for (const fit of fits) {
    const id = `${fit.objective}-${fit.family}-${fit.init}`;
    const title = caseTitle(fit);
    const entry: PosteriorLabCase = { id, title, ...fit };
    if (options.figures !== false) {
      const logQ = compileLogDensity(fit.params);
      entry.svg = await contourPlot({
        title,
        xRange,
        yRange,
        xTitle: 'z₁',
        yTitle: 'z₂',
        densities: [
          { name: 'p(z|x), true posterior', color: '#1f6fd1', f: (x, y) => Math.exp(logP(x, y)) },
          { name: 'q(z|x), fitted', color: '#d62728', f: (x, y) => Math.exp(logQ(x, y)) },
        ],
      });
    }
    cases.push(entry);
  }
  return { target, cases, answer: { markdown: posteriorLabAnswer(target, fits) } };
}

/** p's components ± 3.5 standard deviations, plus one unit, so every figure shares one frame. */
function plotRanges(target: GaussianMixture2d): [[number, number], [number, number]] {
  const extent = (axis: 0 | 1): [number, number] => {
    const low = Math.min(...target.map((c) => c.mean[axis] - 3.5 * Math.sqrt(c.covariance[axis][axis])));
    const high = Math.max(...target.map((c) => c.mean[axis] + 3.5 * Math.sqrt(c.covariance[axis][axis])));
    return [Math.floor(low - 1), Math.ceil(high + 1)];
  };
  return [extent(0), extent(1)];
}
