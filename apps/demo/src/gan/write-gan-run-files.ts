import { join } from 'node:path';
import { createReport, svgToPng, writeFileAtomic } from '@dlkit/plot/node';
import { addGanSections } from './gan-report-sections';
import type { GanRunSummary } from './gan-run-summary';
import { lossChart } from './loss-chart';
import { epochsToCsv, stepsToCsv } from './losses-csv';
import { readSampleGrids } from './sample-grids';

/** The files {@link writeGanRunFiles} writes (the sample grids and the checkpoint are written elsewhere). */
export const ganRunFileNames = ['losses.csv', 'epochs.csv', 'losses.json', 'losses.svg', 'losses.png', 'report.html'] as const;

/**
 * Writes a GAN run's files into `out`, each atomically: losses.csv, epochs.csv, losses.json,
 * losses.svg/.png and report.html (which embeds the sample grids already in the folder).
 */
export async function writeGanRunFiles(out: string, run: GanRunSummary): Promise<void> {
  const svg = await lossChart(run.steps, run.stepsPerEpoch, 'MNIST GAN: generator and discriminator loss');
  await writeFileAtomic(join(out, 'losses.csv'), stepsToCsv(run.steps));
  await writeFileAtomic(join(out, 'epochs.csv'), epochsToCsv(run.epochs));
  await writeFileAtomic(join(out, 'losses.json'), `${JSON.stringify(run)}\n`);
  await writeFileAtomic(join(out, 'losses.svg'), svg);
  await writeFileAtomic(join(out, 'losses.png'), svgToPng(svg));
  const report = createReport('MNIST GAN');
  report.text(`Trained by dlkit-demo. Status: ${run.status}.`);
  addGanSections(report, run, svg, await readSampleGrids(out));
  await report.write(join(out, 'report.html'));
}
