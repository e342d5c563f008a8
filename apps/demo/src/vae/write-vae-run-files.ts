import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createReport, svgToPng, writeFileAtomic } from '@dlkit/plot/node';
import { elboChart } from './elbo-chart';
import { elboToCsv } from './elbo-csv';
import type { VaeRunSummary } from './vae-run-summary';
import { vaeFigureNames } from './write-vae-figures';

/** The files {@link writeVaeRunFiles} writes (the figures and the checkpoint are written elsewhere). */
export const vaeRunFileNames = ['elbo.csv', 'elbo.json', 'elbo.svg', 'elbo.png', 'report.html'] as const;

/**
 * Writes a VAE run's files into `dir`, each atomically: elbo.csv, elbo.json, elbo.svg/.png (once an
 * epoch has finished) and report.html, which embeds the chart and the figures already in the folder.
 */
export async function writeVaeRunFiles(dir: string, run: VaeRunSummary): Promise<void> {
  await writeFileAtomic(join(dir, 'elbo.csv'), elboToCsv(run.epochs));
  await writeFileAtomic(join(dir, 'elbo.json'), `${JSON.stringify(run)}\n`);
  const c = run.config;
  const report = createReport('MNIST VAE');
  report.text(`Trained by dlkit-demo vae train. Status: ${run.status}.`);
  report.section('Run').table(
    [
      [
        'model',
        `${[c.inputSize, ...c.hiddenSizes, c.latentSize].join('-')}: MLP encoder to a diagonal Gaussian q(z|x), Bernoulli decoder (ReLU hidden layers)`,
      ],
      ['optimizer', `Adam, learning rate ${c.learningRate}`],
      ['batch size', String(c.batchSize)],
      ['data', `${run.data}; test −ELBO on ${run.testDigits.toLocaleString('en-US')} test digits`],
      ['epochs', `${run.epochs.length} (${run.steps.toLocaleString('en-US')} steps of ${run.stepsPerEpoch} per epoch)`],
      ['backend', run.backend],
      ['seed', String(c.seed)],
      ['training time', `${run.seconds.toFixed(1)} s`],
    ],
    ['setting', 'value'],
  );
  report.section('Negative ELBO');
  if (run.epochs.length === 0) {
    report.text('No epoch has finished yet.');
  } else {
    const svg = await elboChart(run.epochs, `VAE ${[c.inputSize, ...c.hiddenSizes, c.latentSize].join('-')} on MNIST: −ELBO per digit`);
    await writeFileAtomic(join(dir, 'elbo.svg'), svg);
    await writeFileAtomic(join(dir, 'elbo.png'), svgToPng(svg));
    report.svg(svg, 'Test −ELBO at the end of each epoch, and the mean training −ELBO of its steps (nats per digit; lower is better).');
    const f = (x: number | undefined) => (x === undefined ? '' : x.toFixed(2));
    report.table(
      run.epochs.map((e) => [e.epoch, e.steps, f(e.trainLoss), f(e.testLoss), f(e.testReconstruction), f(e.testKl)]),
      ['epoch', 'steps', 'train −ELBO', 'test −ELBO ↓', 'test reconstruction', 'test KL'],
    );
    report.text(
      '−ELBO = reconstruction (−log p(x|z), one sample of z ~ q(z|x)) + KL(q(z|x) ‖ N(0, I)); it bounds −log p(x) from above. The training column averages the steps of each epoch while the model improves, so it starts above the test value measured at the epoch’s end.',
    );
  }
  const samples = join(dir, vaeFigureNames.samples);
  const reconstructions = join(dir, vaeFigureNames.reconstructions);
  if (existsSync(samples) && existsSync(reconstructions)) {
    report
      .section('Samples and reconstructions')
      .png(await readFile(samples), 'Decoded samples from the prior z ~ N(0, I), the same noise every epoch.', {
        pixelated: true,
        width: 420,
      })
      .png(await readFile(reconstructions), 'Test digits (rows 1 and 3) above their reconstructions from μ(x) (rows 2 and 4).', {
        pixelated: true,
        width: 420,
      });
  }
  await report.write(join(dir, 'report.html'));
}
