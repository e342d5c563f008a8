import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { summarizeBackend } from '@dlkit/backend';
import {
  createGanMetrics,
  createGanTrainer,
  decodeGanCheckpoint,
  ganStepsPerEpoch,
  type GanModel,
  type GanSnapshot,
  loadMnistClassifier,
  restoreGanTrainer,
  trainGan,
} from '@dlkit/gan';
import { loadMnist } from '@dlkit/mnist';
import { sparkline } from '@dlkit/plot';
import { CliError } from '../cli-error';
import { displayPath } from '../display-path';
import { endStatus } from '../training/end-status';
import { resumeCommand as continueCommand } from '../training/resume-command';
import { epochRows } from '../gan/epoch-rows';
import { describeGanEpoch, ganStepLosses } from '../gan/gan-progress';
import type { GanRunSummary } from '../gan/gan-run-summary';
import { prepareOutputFolder } from '../output/prepare-output-folder';
import { createTrainingProgress } from '../progress/training-progress';
import { formatDuration } from '../progress/format-duration';
import { readSampleGrids, sampleGridName } from '../gan/sample-grids';
import { startBackend } from '../start-backend';
import { stopOnInterrupt } from '../training/stop-on-interrupt';
import type { TrainingOptions } from '../training/training-options';
import { writeGanRunFiles } from '../gan/write-gan-run-files';
import { writeSampleGrid } from '../gan/write-sample-grid';

/** Options of {@link runGan}, as the command line gives them. */
export interface GanOptions extends TrainingOptions {
  model: GanModel;
}

/** What {@link runGan} leaves behind, for callers such as `demo report`. */
export interface GanRunResult {
  out: string;
  summary: GanRunSummary;
  interrupted: boolean;
}

const checkpointName = 'gan-checkpoint.bin';

/**
 * `demo gan` (the default command): trains the GAN and keeps the output folder complete and valid
 * after every epoch — losses, chart, samples, metrics, checkpoint, report — so a Ctrl-C or a crash
 * never leaves half a run.
 */
export async function runGan(options: GanOptions): Promise<GanRunResult> {
  const out = prepareOutputFolder(options.out);
  const checkpoint = join(out, checkpointName);
  const shown = (path: string) => displayPath(path);
  if (options.resume && !existsSync(checkpoint)) {
    throw new CliError(`nothing to resume in ${out}: no ${checkpointName} there (run without --resume first)`);
  }

  // Progress goes to stderr, the closing summary to stdout.
  const stream = process.stderr;
  const mode = options.quiet ? 'quiet' : stream.isTTY ? 'tty' : 'plain';
  const say = (line: string) => {
    if (!options.quiet) stream.write(`${line}\n`);
  };

  // A resumed run's settings are checked before anything slow starts.
  const snapshot = options.resume ? await readResumableSnapshot(checkpoint, options) : undefined;
  const train = await loadMnist({ source: options.data, split: 'train', limit: options.limit, normalize: '[-1,1]' });
  const reference = await loadMnist({ source: options.data, split: 'test', limit: 1000, normalize: '[-1,1]' });
  const dataText = `${options.data === 'embedded' ? 'embedded MNIST' : options.data === 'download' ? 'MNIST (downloaded)' : options.data}, ${train.count.toLocaleString('en-US')} training digits`;

  const batchSize = snapshot?.config.batchSize ?? options.batchSize;
  const stepsPerEpoch = ganStepsPerEpoch(train.count, batchSize);
  if (stepsPerEpoch < 1) {
    throw new CliError(`${train.count} training digits are fewer than one batch of ${batchSize} (lower --batch-size or raise --limit)`);
  }

  const backendInfo = await startBackend(options.backend, options.backendFromCli);
  const backend = summarizeBackend(backendInfo);
  say(`backend ${backend}`);

  const trainer = snapshot
    ? restoreGanTrainer(snapshot)
    : createGanTrainer({ model: options.model, batchSize: options.batchSize, learningRate: options.lr, seed: options.seed });
  if (!options.resume && existsSync(checkpoint)) {
    say(`replacing the run in ${shown(out)}/ with a new one (--resume would have continued it)`);
  }
  if (!options.resume) await removeStaleRun(out);
  const classifier = await loadMnistClassifier();
  const metrics = await createGanMetrics({ classifier, reference, sampleCount: Math.min(1000, reference.count) });
  // What the metrics give real training digits: the mark the generator's numbers are read against.
  const realCount = Math.min(metrics.sampleCount, train.count);
  const real =
    realCount >= 2
      ? metrics.measure({ images: train.images.subarray(0, realCount * train.rows * train.cols), count: realCount })
      : undefined;

  const progress = createTrainingProgress({ mode, stream, sparkline, losses: ganStepLosses });
  let stoppedBy = 'Ctrl-C';
  const stopping = stopOnInterrupt((signal) => {
    stoppedBy = signal === 'SIGINT' ? 'Ctrl-C' : signal;
    progress.log('stopping after this step… (Ctrl-C again to quit at once)');
  });
  const resumeCommand = (epochs: number) => continueCommand('pnpm demo', options, out, epochs);
  const started = performance.now();
  const summary = (status: string): GanRunSummary => ({
    format: 'dlkit-demo-gan-run@1',
    config: trainer.config,
    stepsPerEpoch,
    backend,
    data: dataText,
    status,
    ...(real ? { realDigits: { fid: real.fid, mnistScore: real.mnistScore, count: realCount } } : {}),
    seconds: (performance.now() - started) / 1000,
    steps: trainer.history.steps,
    epochs: epochRows(trainer.history),
  });

  let status = 'running';
  let interrupted = false;
  try {
    say(
      `${options.resume ? `resuming at step ${trainer.stepCount.toLocaleString('en-US')} (${count(Math.floor(trainer.stepCount / stepsPerEpoch), 'epoch')} done); ` : ''}training the ${trainer.config.model === 'mlp' ? 'MLP GAN' : 'DCGAN'} for ${count(options.epochs, 'epoch')} × ${count(stepsPerEpoch, 'step')} of ${batchSize} digits → ${shown(out)}/`,
    );
    const doneEpochs = Math.floor(trainer.stepCount / stepsPerEpoch);
    if (doneEpochs >= options.epochs) {
      say(
        `this run already has ${doneEpochs} epochs (--epochs ${options.epochs}): nothing to train; ${resumeCommand(doneEpochs + 10)} trains 10 more`,
      );
    }
    progress.start({ epochs: options.epochs, stepsPerEpoch, batchSize, doneSteps: trainer.stepCount });
    for await (const event of trainGan(trainer, train, { epochs: options.epochs, signal: stopping.signal, checkpoint, metrics })) {
      if (event.type === 'step') {
        progress.step(event);
      } else if (event.type === 'epoch') {
        await writeSampleGrid(trainer, join(out, sampleGridName(event.epoch)));
        await writeGanRunFiles(out, summary(`epoch ${event.epoch} of ${options.epochs} done`));
        progress.log(describeGanEpoch({ ...event, complete: true }, options.epochs));
        progress.pause();
      } else if (event.type === 'end') {
        interrupted = event.reason === 'aborted';
        status = endStatus(event, { epochs: options.epochs, stepsPerEpoch, stoppedBy, resume: resumeCommand });
      }
    }
  } finally {
    progress.stop();
    stopping.dispose();
  }
  const result = summary(status);
  await writeGanRunFiles(out, result);
  trainer.dispose();
  classifier.dispose();

  const scored = result.epochs.filter((e) => e.fid !== undefined).at(-1);
  const quality = scored
    ? `; FID ${scored.fid!.toFixed(1)}, MNIST score ${scored.mnistScore!.toFixed(2)}${real ? ` (real digits: ${real.fid.toFixed(1)}, ${real.mnistScore.toFixed(2)})` : ''}`
    : '';
  const lines = [
    interrupted
      ? `stopped at step ${trainer.history.steps.length.toLocaleString('en-US')}${quality}; everything below is valid — continue with: ${resumeCommand(options.epochs)}`
      : `done: ${count(result.epochs.length, 'epoch')}, ${count(result.steps.length, 'step')} in ${formatDuration(result.seconds)}${quality}`,
    `  ${shown(join(out, 'report.html'))}   everything on one page (open it in a browser)`,
    `  ${shown(join(out, 'losses.png'))}    G and D loss vs epoch (also losses.svg)`,
    ...(result.epochs.some((e) => e.complete)
      ? [
          `  ${shown(join(out, sampleGridName(result.epochs.filter((e) => e.complete).at(-1)!.epoch)))}  samples from the fixed noise (one per epoch)`,
        ]
      : []),
    `  ${shown(join(out, 'losses.csv'))}    every step; epochs.csv per epoch with FID and MNIST score; losses.json both`,
    `  ${shown(checkpoint)}  checkpoint: ${resumeCommand(Math.max(options.epochs, Math.floor(trainer.history.steps.length / stepsPerEpoch)) + 10)} trains further`,
  ];
  process.stdout.write(`${options.quiet ? lines[0] : lines.join('\n')}\n`);
  if (interrupted) process.exitCode = 130;
  return { out, summary: result, interrupted };
}

/** `1 epoch`, `16 epochs`, `2,000 steps`. */
function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** Reads the checkpoint and refuses flags that would silently disagree with the run being continued. */
async function readResumableSnapshot(checkpoint: string, options: GanOptions): Promise<GanSnapshot> {
  const snapshot = decodeGanCheckpoint(new Uint8Array(await readFile(checkpoint)), checkpoint);
  const c = snapshot.config;
  const clashes = [
    options.explicit.has('model') && options.model !== c.model ? `--model ${options.model} (the run is ${c.model})` : '',
    options.explicit.has('batchSize') && options.batchSize !== c.batchSize
      ? `--batch-size ${options.batchSize} (the run uses ${c.batchSize})`
      : '',
    options.explicit.has('lr') && options.lr !== c.learningRate ? `--lr ${options.lr} (the run uses ${c.learningRate})` : '',
    options.explicit.has('seed') && options.seed !== c.seed ? `--seed ${options.seed} (the run has seed ${c.seed})` : '',
  ].filter(Boolean);
  if (clashes.length > 0) {
    throw new CliError(
      `cannot resume with ${clashes.join(', ')}: a resumed run keeps its settings; drop the flag, or start a new run without --resume`,
    );
  }
  return snapshot;
}

/** A fresh run replaces an old one: remove its sample grids so the folder shows one run only. */
async function removeStaleRun(out: string): Promise<void> {
  const grids = await readSampleGrids(out);
  await Promise.all(grids.map((grid) => rm(grid.file, { force: true })));
}
