import { runPosteriorLab } from '@dlkit/vae';
import { describe, expect, test } from 'vitest';
import { drawPosteriorLabFigures } from '../src/assignment/draw-posterior-lab-figures';

describe('drawPosteriorLabFigures(lab)', () => {
  test('draws each case of the lab as an SVG, p in blue and q in red', async () => {
    const lab = await runPosteriorLab();
    const figures = await drawPosteriorLabFigures(lab);
    expect([...figures.keys()]).toEqual(lab.cases.map((c) => c.id));
    for (const svg of figures.values()) {
      expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      expect(svg).toContain('#1f6fd1'); // p in blue
      expect(svg).toContain('#d62728'); // q in red
    }
  }, 120_000);
});
