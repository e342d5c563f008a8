import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { summarizeBackend } from '@dlkit/backend';
import { loadMnist } from '@dlkit/mnist';
import { sparkline } from '@dlkit/plot';
import { createVaeTrainer, loadVaeCheckpoint, type VaeStepEvent, type VaeTrainer, trainVae, vaeStepsPerEpoch } from '@dlkit/vae';
import { CliError } from '../cli-error';
import { displayPath } from '../display-path';
import { endStatus } from '../training/end-status';
import { resumeCommand as continueCommand } from '../training/resume-command';
import { prepareOutputFolder } from '../output/prepare-output-folder';
import { formatDuration } from '../progress/format-duration';
import { createTrainingProgress } from '../progress/training-progress';
import { startBackend } from '../start-backend';
import { stopOnInterrupt } from '../training/stop-on-interrupt';
import { describeVaeEpoch, vaeStepLosses } from '../vae/vae-progress';
import type { VaeRunSummary } from '../vae/vae-run-summary';
import { writeVaeFigures } from '../vae/write-vae-figures';
import type { TrainingOptions } from '../training/training-options';
import { writeVaeRunFiles } from '../vae/write-vae-run-files';

/** Options of {@link runVaeTrain}, as the command line gives them. */
export type VaeTrainOptions = TrainingOptions;

/** What {@link runVaeTrain} leaves behind. */
export interface VaeTrainResult {
  dir: string;
  summary: VaeRunSummary;
  interrupted: boolean;
}

const checkpointName = 'vae-checkpoint.json';

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/**
 * `demo vae train`: trains the default VAE (784-400-20) on MNIST and keeps `<out>/vae/` complete and
 * valid after every epoch — elbo.csv/.json/.svg/.png, samples, reconstructions, checkpoint and
 * report.html — so a Ctrl-C or a crash never leaves half a run, and `--resume` continues it.
 */
export async function runVaeTrain(options: VaeTrainOptions): Promise<VaeTrainResult> {
  const out = prepareOutputFolder(options.out);
  const dir = prepareOutputFolder(join(out, 'vae'));
  const checkpoint = join(dir, checkpointName);
  const shown = (path: string) => displayPath(path);
  if (options.resume && !existsSync(checkpoint)) {
    throw new CliError(`nothing to resume in ${dir}: no ${checkpointName} there (run demo vae train without --resume first)`);
  }

  const stream = process.stderr;
  const mode = options.quiet ? 'quiet' : stream.isTTY ? 'tty' : 'plain';
  const say = (line: string) => {
    if (!options.quiet) stream.write(`${line}\n`);
  };

  const train = await loadMnist({ source: options.data, split: 'train', limit: options.limit, normalize: '[0,1]' });
  const test = await loadMnist({ source: options.data, split: 'test', normalize: '[0,1]' });
  const dataText = `${options.data === 'embedded' ? 'embedded MNIST' : options.data === 'download' ? 'MNIST (downloaded)' : options.data}, ${train.count.toLocaleString('en-US')} training digits`;

  const backendInfo = await startBackend(options.backend, options.backendFromCli);
  const backend = summarizeBackend(backendInfo);

  const trainer = options.resume
    ? await loadResumableTrainer(checkpoint, options)
    : createVaeTrainer({ batchSize: options.batchSize, learningRate: options.lr, seed: options.seed });
  const { batchSize } = trainer.config;
  const stepsPerEpoch = vaeStepsPerEpoch(train.count, batchSize);
  if (trainer.stepsPerEpoch !== null && trainer.stepsPerEpoch !== stepsPerEpoch) {
    trainer.dispose();
    throw new CliError(
      `cannot resume: the run in ${shown(dir)} has ${trainer.stepsPerEpoch} steps per epoch, --data/--limit now give ${stepsPerEpoch} (${train.count} digits, batch ${batchSize}); use the data the run started with`,
    );
  }
  // Said only now, so a refused resume stays one line.
  say(`backend ${backend}`);
  if (!options.resume && existsSync(checkpoint))
    say(`replacing the run in ${shown(dir)}/ with a new one (--resume would have continued it)`);

  const resumeCommand = (epochs: number) => continueCommand('pnpm demo vae train', options, out, epochs);

  const progress = createTrainingProgress<VaeStepEvent>({
    mode,
    stream,
    sparkline,
    losses: vaeStepLosses,
  });
  let stoppedBy = 'Ctrl-C';
  const stopping = stopOnInterrupt((signal) => {
    stoppedBy = signal === 'SIGINT' ? 'Ctrl-C' : signal;
    progress.log('stopping after this step… (Ctrl-C again to quit at once)');
  });
  // Training time counts every session of the run: a resumed run adds to what elbo.json recorded.
  const earlierSeconds = options.resume ? await readRecordedSeconds(join(dir, 'elbo.json')) : 0;
  const started = performance.now();
  const summary = (status: string): VaeRunSummary => ({
    format: 'dlkit-demo-vae-run@1',
    config: trainer.config,
    stepsPerEpoch,
    steps: trainer.stepCount,
    backend,
    data: dataText,
    testDigits: test.count,
    status,
    seconds: earlierSeconds + (performance.now() - started) / 1000,
    epochs: trainer.history.epochs,
  });

  let status = 'running';
  let interrupted = false;
  try {
    const doneEpochs = Math.floor(trainer.stepCount / stepsPerEpoch);
    say(
      `${options.resume ? `resuming at step ${trainer.stepCount.toLocaleString('en-US')} (${count(doneEpochs, 'epoch')} done); ` : ''}training the VAE ${[784, ...trainer.config.hiddenSizes, trainer.config.latentSize].join('-')} for ${count(options.epochs, 'epoch')} × ${count(stepsPerEpoch, 'step')} of ${batchSize} digits → ${shown(dir)}/`,
    );
    if (doneEpochs >= options.epochs) {
      say(
        `this run already has ${doneEpochs} epochs (--epochs ${options.epochs}): nothing to train; ${resumeCommand(doneEpochs + 10)} trains 10 more`,
      );
    }
    progress.start({ epochs: options.epochs, stepsPerEpoch, batchSize, doneSteps: trainer.stepCount });
    for await (const event of trainVae(trainer, train, { epochs: options.epochs, signal: stopping.signal, checkpoint, testData: test })) {
      if (event.type === 'step') {
        progress.step(event);
      } else if (event.type === 'epoch') {
        await writeVaeFigures(trainer.vae, test, dir);
        await writeVaeRunFiles(dir, summary(`epoch ${event.epoch} of ${options.epochs} done`));
        progress.log(describeVaeEpoch(event, options.epochs));
        progress.pause();
      } else if (event.type === 'end') {
        interrupted = event.reason === 'aborted';
        status = endStatus(event, { epochs: options.epochs, stepsPerEpoch, stoppedBy, resume: resumeCommand });
      }
    }
  } catch (error) {
    trainer.dispose();
    throw error;
  } finally {
    progress.stop();
    stopping.dispose();
  }
  const result = summary(status);
  // A resumed run that had nothing to train still gets its figures (they are cheap).
  await writeVaeFigures(trainer.vae, test, dir);
  await writeVaeRunFiles(dir, result);
  trainer.dispose();

  const last = result.epochs.at(-1);
  const quality = last?.testLoss !== undefined ? `; test −ELBO ${last.testLoss.toFixed(2)} nats per digit` : '';
  const lines = [
    interrupted
      ? `stopped at step ${result.steps.toLocaleString('en-US')}${quality}; everything below is valid — continue with: ${resumeCommand(options.epochs)}`
      : `done: ${count(result.epochs.length, 'epoch')}, ${count(result.steps, 'step')} in ${formatDuration(result.seconds)}${quality}`,
    `  ${shown(join(dir, 'report.html'))}   everything on one page (open it in a browser)`,
    ...(last ? [`  ${shown(join(dir, 'elbo.png'))}      test −ELBO vs epoch (also elbo.svg)`] : []),
    `  ${shown(join(dir, 'samples.png'))}   digits decoded from z ~ N(0, I)`,
    `  ${shown(join(dir, 'reconstructions.png'))}   test digits above their reconstructions`,
    `  ${shown(join(dir, 'elbo.csv'))}      per epoch: train and test −ELBO with reconstruction and KL; elbo.json the same and the settings`,
    `  ${shown(checkpoint)}  checkpoint: ${resumeCommand(Math.max(options.epochs, result.epochs.length) + 10)} trains further`,
  ];
  process.stdout.write(`${options.quiet ? lines[0] : lines.join('\n')}\n`);
  if (interrupted) process.exitCode = 130;
  return { dir, summary: result, interrupted };
}

/** The training seconds an earlier session wrote to elbo.json; 0 when it is missing or unreadable. */
async function readRecordedSeconds(path: string): Promise<number> {
  try {
    const seconds = (JSON.parse(await readFile(path, 'utf8')) as { seconds?: unknown }).seconds;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : 0;
  } catch {
    return 0;
  }
}

/** Loads the checkpoint and refuses flags that would silently disagree with the run being continued. */
async function loadResumableTrainer(checkpoint: string, options: VaeTrainOptions): Promise<VaeTrainer> {
  const trainer = await loadVaeCheckpoint(checkpoint);
  const c = trainer.config;
  const clashes = [
    options.explicit.has('batchSize') && options.batchSize !== c.batchSize
      ? `--batch-size ${options.batchSize} (the run uses ${c.batchSize})`
      : '',
    options.explicit.has('lr') && options.lr !== c.learningRate ? `--lr ${options.lr} (the run uses ${c.learningRate})` : '',
    options.explicit.has('seed') && options.seed !== c.seed ? `--seed ${options.seed} (the run has seed ${c.seed})` : '',
  ].filter(Boolean);
  if (clashes.length > 0) {
    trainer.dispose();
    throw new CliError(
      `cannot resume with ${clashes.join(', ')}: a resumed run keeps its settings; drop the flag, or start a new run without --resume`,
    );
  }
  return trainer;
}
