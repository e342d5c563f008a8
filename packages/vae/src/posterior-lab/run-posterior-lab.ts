import { caseTitle, posteriorLabAnswer } from './_posterior-lab-answer';
import { type FittedPosterior, fitPosterior, type PosteriorFamily, type PosteriorInit, type PosteriorObjective } from './fit-posterior';
import { checkMixture, compileLogDensity, defaultPosteriorTarget, type GaussianMixture2d } from './gaussian-mixture-2d';

/** Options of runPosteriorLab. */
export interface PosteriorLabOptions {
  /** The true posterior p (default defaultPosteriorTarget); components 0 and 1 are modes A and B. */
  target?: GaussianMixture2d;
  /** Which cases to run, in order (default posteriorLabCases, all 12); the answer covers the ones run. */
  cases?: ReadonlyArray<{ objective: PosteriorObjective; family: PosteriorFamily; init: PosteriorInit }>;
}

/** A density to draw as contour lines: its legend name, line colour and value at (x, y). */
export interface PosteriorLabDensity {
  name: string;
  color: string;
  f: (x: number, y: number) => number;
}

/**
 * What a case's figure shows, as data: the true posterior p in blue and the fitted q in red over a frame
 * that every case shares. It has the shape of @dlkit/plot's ContourPlotOptions, so
 * `contourPlot(c.figure)` draws it; this package draws nothing itself.
 */
export interface PosteriorLabFigure {
  title: string;
  xRange: [number, number];
  yRange: [number, number];
  xTitle: string;
  yTitle: string;
  densities: [p: PosteriorLabDensity, q: PosteriorLabDensity];
}

/** One fitted case: a FittedPosterior with an id, a title and what its figure shows. */
export interface PosteriorLabCase extends FittedPosterior {
  /** `${objective}-${family}-${init}`, e.g. 'reverse-kl-diagonal-mode-a'. */
  id: string;
  title: string;
  figure: PosteriorLabFigure;
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
 * two-Gaussian mixture, from starts near either mode or centred; describes each fit's figure (p and q
 * as densities over a shared frame) and writes the answer. Deterministic, float64, no tfjs, nothing drawn:
 * a few seconds on one core.
 * @example
 * const lab = await runPosteriorLab();
 * lab.cases.find((c) => c.id === 'reverse-kl-diagonal-mode-a')?.covers; // 'mode A'
 * console.log(lab.answer.markdown);
 * const svg = await contourPlot(lab.cases[0].figure); // with @dlkit/plot
 */
export async function runPosteriorLab(options: PosteriorLabOptions = {}): Promise<PosteriorLab> {
  const target = options.target ?? (defaultPosteriorTarget as GaussianMixture2d);
  checkMixture(target, 'runPosteriorLab: target');
  const fits = (options.cases ?? posteriorLabCases).map((c) => fitPosterior({ ...c, target }));
  const [xRange, yRange] = plotRanges(target);
  const logP = compileLogDensity(target);
  const p: PosteriorLabDensity = { name: 'p(z|x), true posterior', color: '#1f6fd1', f: (x, y) => Math.exp(logP(x, y)) };
  const cases = fits.map((fit): PosteriorLabCase => {
    const title = caseTitle(fit);
    const logQ = compileLogDensity(fit.params);
    const q: PosteriorLabDensity = { name: 'q(z|x), fitted', color: '#d62728', f: (x, y) => Math.exp(logQ(x, y)) };
    const figure: PosteriorLabFigure = { title, xRange, yRange, xTitle: 'z₁', yTitle: 'z₂', densities: [p, q] };
    return { id: `${fit.objective}-${fit.family}-${fit.init}`, title, ...fit, figure };
  });
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
