import type { Report } from '@dlkit/plot';
import type { PosteriorLab } from '@dlkit/vae';

const fixed = (n: number, digits = 2) => n.toFixed(digits);
const unbold = (text: string) => text.replace(/\*\*/g, '');

/**
 * Q3 as report sections: every fitted case as a figure (p blue, q red; `figures` from
 * drawPosteriorLabFigures), the fits as a table, and the lab's generated answer. The answer's Markdown is laid out with the report's blocks: indented lines
 * become a code block, its table is replaced by the structured one, the rest become paragraphs.
 */
export function addPosteriorLabSections(report: Report, lab: PosteriorLab, figures: ReadonlyMap<string, string>): Report {
  const blocks = lab.answer.markdown.split(/\n\s*\n/).filter((block) => !block.startsWith('#') && !block.startsWith('|'));
  report.section('Q3 — Which forms of q(z|x) can a standard VAE learn?');
  for (const block of blocks) {
    if (block.split('\n').every((line) => line.startsWith('    '))) {
      report.code(block.replace(/^ {4}/gm, ''));
    } else if (block.startsWith('- ')) {
      for (const item of block.split(/\n(?=- )/)) report.text(`• ${unbold(item.slice(2))}`);
    } else {
      report.text(unbold(block));
    }
  }
  report
    .section('Q3 — The fits')
    .text(
      'Reverse KL(q‖p) is what maximizing the ELBO minimizes; forward KL(p‖q) is shown for contrast. "Mass on A / B" is where q puts its probability.',
    )
    .table(
      lab.cases.map((c) => [
        c.title,
        c.params.map((g) => `(${fixed(g.mean[0])}, ${fixed(g.mean[1])})`).join(', '),
        c.params
          .map(
            (g) =>
              `[[${fixed(g.covariance[0][0])}, ${fixed(g.covariance[0][1])}], [${fixed(g.covariance[1][0])}, ${fixed(g.covariance[1][1])}]]`,
          )
          .join(', '),
        `${fixed(c.modeMass[0])} / ${fixed(c.modeMass[1])}`,
        c.covers,
        fixed(c.reverseKl, 3),
        fixed(c.forwardKl, 3),
      ]),
      ['case', 'mean(s)', 'covariance(s)', 'mass on A / B', 'covers', 'KL(q‖p)', 'KL(p‖q)'],
    )
    .section('Q3 — Figures: p(z|x) in blue, the fitted q(z|x) in red');
  for (const c of lab.cases) {
    const svg = figures.get(c.id);
    if (svg) report.svg(svg, `${c.title}: covers ${c.covers}, KL(q‖p) = ${fixed(c.reverseKl, 3)}`);
  }
  return report;
}
