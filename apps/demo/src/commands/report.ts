import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BackendPreference, summarizeBackend } from '@dlkit/backend';
import { createReport } from '@dlkit/plot';
import { runPosteriorLab } from '@dlkit/vae';
import { addConvSections } from '../assignment/add-conv-sections';
import { addLstmSections } from '../assignment/add-lstm-sections';
import { addPosteriorLabSections } from '../assignment/add-posterior-lab-sections';
import { drawPosteriorLabFigures } from '../assignment/draw-posterior-lab-figures';
import { convAnswer } from '../assignment/conv-answer';
import { lstmAnswer } from '../assignment/lstm-answer';
import { ganDefaults } from '../gan/gan-defaults';
import { ganModelName, isReferenceGan } from '../gan/gan-model-name';
import { addGanSections } from '../gan/gan-report-sections';
import { parseGanRunSummary } from '../gan/gan-run-summary';
import { lossChart } from '../gan/loss-chart';
import { displayPath } from '../display-path';
import { prepareOutputFolder } from '../output/prepare-output-folder';
import { formatDuration } from '../progress/format-duration';
import { readSampleGrids } from '../gan/sample-grids';
import { startBackend } from '../start-backend';
import { runGan } from './gan';

/** Options of {@link runReport}. */
export interface ReportOptions {
  backend: BackendPreference;
  backendFromCli: boolean;
  seed: number;
  out: string;
  quiet?: boolean;
}

/** The short GAN run `demo report` trains when the output folder holds none (about a minute here). */
const shortRun = {
  epochs: 2,
  limit: 4000,
  batchSize: ganDefaults.batchSize,
  lr: ganDefaults.learningRate,
  model: ganDefaults.model,
  ema: ganDefaults.emaDecay,
  topK: ganDefaults.generatorTopFraction,
};

/**
 * `demo report`: the whole assignment in one self-contained page, every number computed now by the
 * packages — Q1 by conv-math, Q2 by lstm-grad, Q3 by the vae posterior lab, Q4 from the GAN run in
 * the output folder (or a short one trained on the spot).
 */
export async function runReport(options: ReportOptions): Promise<void> {
  const out = prepareOutputFolder(options.out);
  const say = (line: string) => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };
  const timed = async <T>(what: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    say(`${what} (${formatDuration((performance.now() - started) / 1000)})`);
    return result;
  };
  const info = await startBackend(options.backend, options.backendFromCli);
  const backend = summarizeBackend(info);
  say(`backend ${backend}`);

  const report = createReport('The assignment, computed live by dlkit');
  report.text(
    `Every number, table and figure on this page was computed by the dlkit packages when this page was made (${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC, tfjs backend ${backend}, seed ${options.seed}); nothing is pasted in.`,
  );
  addConvSections(report, await timed('Q1 convolution arithmetic (@dlkit/conv-math)', convAnswer));
  addLstmSections(report, await timed('Q2 LSTM gradients and gradient check (@dlkit/lstm-grad)', () => lstmAnswer(options.seed)));

  const q3 = await timed('Q3 posterior lab (@dlkit/vae)', async () => {
    const lab = await runPosteriorLab();
    return { lab, figures: await drawPosteriorLabFigures(lab) };
  });
  addPosteriorLabSections(report, q3.lab, q3.figures);

  const runFile = join(out, 'losses.json');
  let origin: string;
  if (existsSync(runFile)) {
    origin = `from the GAN run in ${out} (run \`pnpm demo\` to train a longer one)`;
  } else {
    say(`Q4: no GAN run in ${out}; training a short one (${shortRun.epochs} epochs on ${shortRun.limit} digits)`);
    await runGan({
      ...shortRun,
      data: 'embedded',
      backend: options.backend,
      backendFromCli: options.backendFromCli,
      seed: options.seed,
      out,
      quiet: true,
      explicit: new Set(),
    });
    origin = `from a short run trained for this page (${shortRun.epochs} epochs on ${shortRun.limit.toLocaleString('en-US')} digits); \`pnpm demo\` trains the full one`;
  }
  const run = parseGanRunSummary(await readFile(runFile, 'utf8'), runFile);
  const lossSvg = await timed('Q4 GAN loss curves and samples (@dlkit/gan, @dlkit/plot)', () =>
    lossChart(run.steps, run.stepsPerEpoch, 'MNIST GAN: generator and discriminator loss'),
  );
  const model = ganModelName(run.config);
  report
    .section('Q4 — A GAN on MNIST')
    .text(
      `The loss curves, samples and metrics below are ${origin}. They were made by the ${model}${isReferenceGan(run.config) ? '' : " (not the assignment's reference MLP GAN, which `pnpm demo --model mlp --lr 2e-4 --ema 0 --epochs 40` trains)"}.`,
    );
  addGanSections(report, run, lossSvg, await readSampleGrids(out), 'Q4 — ');

  const path = join(out, 'assignment.html');
  await report.write(path);
  process.stdout.write(`wrote ${displayPath(path)}: Q1–Q4, computed live (open it in a browser)\n`);
}
