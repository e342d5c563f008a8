import { join } from 'node:path';
import { createReport, svgToPng, writeFileAtomic } from '@dlkit/plot/node';
import { runPosteriorLab } from '@dlkit/vae';
import { addPosteriorLabSections } from '../assignment/add-posterior-lab-sections';
import { drawPosteriorLabFigures } from '../assignment/draw-posterior-lab-figures';
import { displayPath } from '../display-path';
import { prepareOutputFolder } from '../output/prepare-output-folder';
import { formatDuration } from '../progress/format-duration';

/** Options of {@link runVaeLab}. */
export interface VaeLabOptions {
  out: string;
  quiet?: boolean;
}

/**
 * `demo vae lab` (also plain `demo vae`): the posterior lab (Q3). Prints the generated answer, and writes one figure per fitted
 * case (SVG and PNG) plus a page with all of them to `<out>/posterior-lab/`.
 */
export async function runVaeLab(options: VaeLabOptions): Promise<void> {
  const out = prepareOutputFolder(options.out);
  const dir = join(out, 'posterior-lab');
  if (!options.quiet)
    process.stderr.write('fitting q(z|x) to a two-mode posterior: 12 cases (reverse and forward KL, three families, three starts)…\n');
  const started = performance.now();
  const lab = await runPosteriorLab();
  const figures = await drawPosteriorLabFigures(lab);
  for (const [id, svg] of figures) {
    await writeFileAtomic(join(dir, `${id}.svg`), svg);
    await writeFileAtomic(join(dir, `${id}.png`), svgToPng(svg));
  }
  const page = join(dir, 'index.html');
  await addPosteriorLabSections(createReport('The posterior lab: what q(z|x) can a standard VAE learn?'), lab, figures).write(page);
  process.stdout.write(
    `${lab.answer.markdown}\n\n${lab.cases.length} figures (p blue, q red) and this answer in ${displayPath(page)} (${formatDuration((performance.now() - started) / 1000)})\n`,
  );
}
