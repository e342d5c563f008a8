import { contourPlot } from '@dlkit/plot';
import type { PosteriorLab } from '@dlkit/vae';

/**
 * Draws every case of the posterior lab as an SVG (p(z|x) in blue, the fitted q in red, one frame for
 * all), keyed by the case's id. The lab describes each figure as data; drawing is the demo's job, so
 * @dlkit/vae needs no plotting library.
 */
export async function drawPosteriorLabFigures(lab: PosteriorLab): Promise<Map<string, string>> {
  const figures = new Map<string, string>();
  for (const c of lab.cases) figures.set(c.id, await contourPlot(c.figure));
  return figures;
}
