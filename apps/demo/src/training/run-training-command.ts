import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeBackend } from '@dlkit/backend';
import { sparkline } from '@dlkit/plot';
import { CliError } from '../cli-error';
import { displayPath } from '../display-path';
import { prepareOutputFolder } from '../output/prepare-output-folder';
import { describeTakeOver, lockRunFolder, type RunFolderLock } from '../output/run-folder-lock';
import { formatDuration } from '../progress/format-duration';
import { createTrainingProgress, type StepLosses } from '../progress/training-progress';
import { resolveUserPath } from '../resolve-user-path';
import { startBackend } from '../start-backend';
import { checkpointNames, type TrainingKind } from './checkpoint-names';
import { endStatus } from './end-status';
import { resumeCommand } from './resume-command';
import { stopOnInterrupt } from './stop-on-interrupt';
import type { TrainingOptions } from './training-options';

/** What the skeleton asks of a trainer (a GanTrainer and a VaeTrainer both are one). */
export interface Trainer {
  readonly config: { readonly batchSize: number; readonly learningRate: number; readonly seed: number };
  /** Steps done in all, resumed sessions included. */
  readonly stepCount: number;
  /** The steps per epoch the run was trained with; null before its first training. */
  readonly stepsPerEpoch: number | null;
  dispose(): void;
}

/** What a trainer's loop yields (trainGan's and trainVae's events both are these). */
export type TrainingEvent =
  | { type: 'step'; step: number; epoch: number }
  | { type: 'epoch'; epoch: number }
  | { type: 'checkpoint' }
  | { type: 'end'; reason: 'completed' | 'aborted' | 'max-steps'; step: number };

/** The step events of a loop's event type. */
export type StepEvent<E extends TrainingEvent> = Extract<E, { type: 'step' }>;
/** The epoch-end events of a loop's event type. */
export type EpochEvent<E extends TrainingEvent> = Extract<E, { type: 'epoch' }>;

/** The fields every run summary (losses.json, elbo.json) has; the skeleton fills them in. */
export interface CommonRunSummary {
  stepsPerEpoch: number;
  /** The backend the last session ran on, in words. */
  backend: string;
  /** The training data, in words. */
  data: string;
  /** 'completed …', 'epoch 3 of 10 done', or what stopped the run early. */
  status: string;
  /** Seconds of training over every session of the run. */
  seconds: number;
}

/** What a run's summary file says of it, read before a session starts. */
export interface RecordedRun {
  /** Epochs finished. */
  epochs: number;
  /** Seconds of training so far. */
  seconds: number;
}

/** A file of the run, as the closing lines list it: its name in the run's folder and what it holds. */
export type RunFileLine = readonly [name: string, what: string];

/** One session of a run, made by {@link TrainingCommand.startRun} once the trainer and the data are ready. */
export interface TrainingRun<E extends TrainingEvent, S extends CommonRunSummary> {
  /** The model in the opening line: 'MLP GAN', 'VAE 784-400-20'. */
  model: string;
  /** The train loop: the library's trainer driven to `epochs` in all, stopping on `signal`, checkpointing to `checkpoint`. */
  train(loop: { epochs: number; signal: AbortSignal; checkpoint: string }): AsyncIterable<E>;
  /** The losses the progress view shows of a step. */
  stepLosses: StepLosses<StepEvent<E>>;
  /** The line printed when an epoch ends. */
  describeEpoch(epoch: EpochEvent<E>, epochs: number): string;
  /** The run's summary: the common fields plus the model's own (format, config, steps, epochs, …). */
  summarize(common: CommonRunSummary): S;
  /** Writes the run's files, atomically: after each epoch (`finished` is its event) and once at the end. */
  writeFiles(summary: S, finished?: EpochEvent<E>): Promise<void>;
  /** The closing line's quality clause ('; test −ELBO 122.25 nats per digit') and the files worth listing. */
  closing(summary: S): { quality: string; files: readonly RunFileLine[] };
  /** Frees what the session holds beside the trainer (the GAN's classifier). */
  dispose?(): void;
}

/**
 * What a training command is made of: everything in which `demo gan` and `demo vae train` differ.
 * The rest (output folder, resume checks, backend, progress, Ctrl-C, closing lines) is
 * {@link runTrainingCommand}'s, the same for both.
 */
export interface TrainingCommand<
  D extends { train: { count: number } },
  T extends Trainer,
  E extends TrainingEvent,
  S extends CommonRunSummary,
> {
  /** What a user types to run it, for the hints that say what to type next: 'pnpm demo', 'pnpm demo vae train'. */
  command: string;
  /** The run's folder inside --out ('vae'); --out itself when absent. */
  folder?: string;
  /** What it trains; it names the checkpoint --resume continues (checkpointNames). */
  kind: TrainingKind;
  /** Loads the training data, and whatever the run measures against (held-out digits). */
  loadData(): Promise<D>;
  /** The library's count of steps per epoch: ganStepsPerEpoch, vaeStepsPerEpoch. */
  stepsPerEpoch(imageCount: number, batchSize: number): number;
  /** A new trainer from the flags. */
  createTrainer(): T;
  /** The trainer in a checkpoint, exactly where it stopped. */
  restoreTrainer(checkpoint: string): Promise<T>;
  /** Flags other than --batch-size, --lr and --seed that disagree with a resumed run (the GAN's --model). */
  resumeClashes?(run: T['config']): string[];
  /** What the folder's summary file says of the run there; undefined when there is none or it is unreadable. */
  readRun(dir: string): Promise<RecordedRun | undefined>;
  /** Removes a replaced run's files, so the folder shows one run only. */
  clearRun(dir: string): Promise<void>;
  /** Starts a session: what the loop needs beside the trainer, and how it writes and reports. */
  startRun(trainer: T, data: D, dir: string): Promise<TrainingRun<E, S>>;
}

/** What a training command leaves behind, for callers such as `demo report`. */
export interface TrainingRunResult<S> {
  /** The run's folder. */
  dir: string;
  summary: S;
  /** Stopped by Ctrl-C (or SIGTERM) before the epochs asked for. */
  interrupted: boolean;
}

/**
 * Runs a training command (`demo gan`, `demo vae train`) and keeps its folder complete and valid after
 * every epoch, so a Ctrl-C or a crash never leaves half a run: prepares and locks the folder, checks it
 * against --resume and --force, loads the data, starts the backend, creates or restores the trainer,
 * shows progress, stops cleanly on Ctrl-C and says where everything is. Progress goes to stderr, the
 * closing lines to stdout.
 */
export async function runTrainingCommand<
  D extends { train: { count: number } },
  T extends Trainer,
  E extends TrainingEvent,
  S extends CommonRunSummary,
>(options: TrainingOptions, command: TrainingCommand<D, T, E, S>): Promise<TrainingRunResult<S>> {
  const out = resolveUserPath(options.out);
  const dir = prepareOutputFolder(join(out, command.folder ?? '.'));
  // Held while the run writes: a second run on this folder is refused with a line that names this one.
  const lock = lockRunFolder(dir, commandLine());
  try {
    return await train(options, command, { out, dir, lock });
  } finally {
    lock.release();
  }
}

async function train<D extends { train: { count: number } }, T extends Trainer, E extends TrainingEvent, S extends CommonRunSummary>(
  options: TrainingOptions,
  command: TrainingCommand<D, T, E, S>,
  folder: { out: string; dir: string; lock: RunFolderLock },
): Promise<TrainingRunResult<S>> {
  const { out, dir } = folder;
  const checkpoint = join(dir, checkpointNames[command.kind]);
  const shown = (path: string) => displayPath(path);
  const stream = process.stderr;
  const say = (line: string) => {
    if (!options.quiet) stream.write(`${line}\n`);
  };
  const continueCommand = (epochs: number) => resumeCommand(command.command, options, out, epochs);

  const recorded = await checkRunFolder(options, command, dir, continueCommand);
  // Training time counts every session of the run: a resumed one adds to what the last one recorded.
  const earlierSeconds = options.resume ? validSeconds(recorded?.seconds) : 0;

  const data = await command.loadData();
  const backend = summarizeBackend(await startBackend(options.backend, options.backendFromCli));
  const trainer = options.resume ? await restoreTrainer(command, checkpoint, options) : command.createTrainer();
  let run: TrainingRun<E, S> | undefined;
  try {
    const { batchSize } = trainer.config;
    const stepsPerEpoch = command.stepsPerEpoch(data.train.count, batchSize);
    if (stepsPerEpoch < 1) {
      throw new CliError(
        `${data.train.count} training digits are fewer than one batch of ${batchSize} (lower --batch-size or raise --limit)`,
      );
    }
    if (trainer.stepsPerEpoch !== null && trainer.stepsPerEpoch !== stepsPerEpoch) {
      throw new CliError(
        `cannot resume: the run in ${shown(dir)} has ${trainer.stepsPerEpoch} steps per epoch, --data/--limit now give ${stepsPerEpoch} (${data.train.count} digits, batch ${batchSize}); use the data the run started with`,
      );
    }
    // Said only now, so a refused run stays one line.
    const tookOver = describeTakeOver(folder.lock);
    if (tookOver) say(tookOver);
    say(`backend ${backend}`);
    if (!options.resume) {
      if (existsSync(checkpoint)) say(`replacing the run in ${shown(dir)}/ with a new one (--force)`);
      await command.clearRun(dir);
    }
    run = await command.startRun(trainer, data, dir);

    const progress = createTrainingProgress<StepEvent<E>>({
      mode: options.quiet ? 'quiet' : stream.isTTY ? 'tty' : 'plain',
      stream,
      sparkline,
      losses: run.stepLosses,
    });
    let stoppedBy = 'Ctrl-C';
    const stopping = stopOnInterrupt((signal) => {
      stoppedBy = signal === 'SIGINT' ? 'Ctrl-C' : signal;
      progress.log('stopping after this step… (Ctrl-C again to quit at once)');
    });
    const started = performance.now();
    const dataText = `${describeDataSource(options.data)}, ${data.train.count.toLocaleString('en-US')} training digits`;
    const summary = (status: string) =>
      run!.summarize({ stepsPerEpoch, backend, data: dataText, status, seconds: earlierSeconds + (performance.now() - started) / 1000 });

    let status = 'running';
    let interrupted = false;
    try {
      const doneEpochs = Math.floor(trainer.stepCount / stepsPerEpoch);
      say(
        `${options.resume ? `resuming at step ${trainer.stepCount.toLocaleString('en-US')} (${count(doneEpochs, 'epoch')} done); ` : ''}training the ${run.model} for ${count(options.epochs, 'epoch')} × ${count(stepsPerEpoch, 'step')} of ${batchSize} digits → ${shown(dir)}/`,
      );
      if (doneEpochs >= options.epochs) {
        say(
          `this run already has ${count(doneEpochs, 'epoch')} (--epochs ${options.epochs}): nothing to train; ${continueCommand(doneEpochs + 10)} trains 10 more`,
        );
      }
      progress.start({ epochs: options.epochs, stepsPerEpoch, batchSize, doneSteps: trainer.stepCount });
      for await (const event of run.train({ epochs: options.epochs, signal: stopping.signal, checkpoint })) {
        if (isStep(event)) {
          progress.step(event);
        } else if (isEpoch(event)) {
          await run.writeFiles(summary(`epoch ${event.epoch} of ${options.epochs} done`), event);
          progress.log(run.describeEpoch(event, options.epochs));
          progress.pause();
        } else if (event.type === 'end') {
          interrupted = event.reason === 'aborted';
          status = endStatus(event, { epochs: options.epochs, stepsPerEpoch, stoppedBy, resume: continueCommand });
        }
      }
    } finally {
      progress.stop();
      stopping.dispose();
    }
    const result = summary(status);
    await run.writeFiles(result);

    const steps = trainer.stepCount;
    const epochs = Math.floor(steps / stepsPerEpoch);
    const { quality, files } = run.closing(result);
    // File names line up in a column (long ones just get two spaces).
    const nameWidth = shown(join(dir, 'x')).length - 1 + 12;
    const fileLine = (name: string, what: string) => `  ${shown(join(dir, name)).padEnd(nameWidth)}  ${what}`;
    const lines = [
      interrupted
        ? `stopped at step ${steps.toLocaleString('en-US')}${quality}; everything below is valid — continue with: ${continueCommand(options.epochs)}`
        : `done: ${count(epochs, 'epoch')}, ${count(steps, 'step')} in ${formatDuration(result.seconds)}${quality}`,
      fileLine('report.html', 'everything on one page (open it in a browser)'),
      ...files.map(([name, what]) => fileLine(name, what)),
      fileLine(checkpointNames[command.kind], `checkpoint: ${continueCommand(Math.max(options.epochs, epochs) + 10)} trains further`),
    ];
    process.stdout.write(`${options.quiet ? lines[0] : lines.join('\n')}\n`);
    if (interrupted) process.exitCode = 130;
    return { dir, summary: result, interrupted };
  } finally {
    trainer.dispose();
    run?.dispose?.();
  }
}

/**
 * Checks the folder against what was asked, before anything slow starts: --resume needs this command's
 * checkpoint, a fresh run refuses a folder that holds one unless --force (the line says what to type),
 * and no run goes where another command's run is. Returns what the folder's summary says of the run.
 */
async function checkRunFolder(
  options: TrainingOptions,
  command: Pick<TrainingCommand<never, never, never, never>, 'kind' | 'command' | 'readRun'>,
  dir: string,
  continueCommand: (epochs: number) => string,
): Promise<RecordedRun | undefined> {
  for (const [kind, name] of Object.entries(checkpointNames)) {
    if (kind !== command.kind && existsSync(join(dir, name))) {
      throw new CliError(
        `${displayPath(dir)} holds a ${kind} run (${name}): a ${command.kind} run there would mix their files; use another folder with --out <dir>`,
      );
    }
  }
  const name = checkpointNames[command.kind];
  const present = existsSync(join(dir, name));
  if (options.resume) {
    if (!present) throw new CliError(`nothing to resume in ${dir}: no ${name} there (run ${command.command} without --resume first)`);
    return command.readRun(dir);
  }
  if (present && !options.force) {
    const done = (await command.readRun(dir))?.epochs;
    const epochs = done === undefined || options.epochs > done ? options.epochs : done + 10;
    throw new CliError(
      `${displayPath(dir)} already holds a ${command.kind} run${done === undefined ? '' : ` of ${count(done, 'epoch')}`} (${name}): to continue it, ${continueCommand(epochs)}; to start over, add --force; to keep it, train in another folder with --out <dir>`,
    );
  }
  return undefined;
}

/** The checkpoint's trainer, refusing flags that would silently disagree with the run being continued. */
async function restoreTrainer<T extends Trainer>(
  command: { restoreTrainer(checkpoint: string): Promise<T>; resumeClashes?(run: T['config']): string[] },
  checkpoint: string,
  options: TrainingOptions,
): Promise<T> {
  const trainer = await command.restoreTrainer(checkpoint);
  const run = trainer.config;
  const clashes = [
    ...(command.resumeClashes?.(run) ?? []),
    options.explicit.has('batchSize') && options.batchSize !== run.batchSize
      ? `--batch-size ${options.batchSize} (the run uses ${run.batchSize})`
      : '',
    options.explicit.has('lr') && options.lr !== run.learningRate ? `--lr ${options.lr} (the run uses ${run.learningRate})` : '',
    options.explicit.has('seed') && options.seed !== run.seed ? `--seed ${options.seed} (the run has seed ${run.seed})` : '',
  ].filter(Boolean);
  if (clashes.length > 0) {
    trainer.dispose();
    throw new CliError(
      `cannot resume with ${clashes.join(', ')}: a resumed run keeps its settings; drop the flag, or start a new run without --resume`,
    );
  }
  return trainer;
}

// Narrow a loop's generic event type by its `type` (TypeScript does not narrow a type parameter itself).
const isStep = <E extends TrainingEvent>(event: E): event is StepEvent<E> => event.type === 'step';
const isEpoch = <E extends TrainingEvent>(event: E): event is EpochEvent<E> => event.type === 'epoch';

/** Seconds a summary recorded, or 0 when they are missing or not a duration. */
function validSeconds(seconds: unknown): number {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : 0;
}

/** This process's command line as the user typed it, for the lock: 'pnpm demo --epochs 30', 'dlkit-demo vae train'. */
function commandLine(): string {
  const program = process.env.npm_lifecycle_event === 'demo' ? 'pnpm demo' : 'dlkit-demo';
  return [program, ...process.argv.slice(2)].join(' ');
}

/** `--data` in words: 'embedded MNIST', 'MNIST (downloaded)', or the folder. */
function describeDataSource(source: string): string {
  return source === 'embedded' ? 'embedded MNIST' : source === 'download' ? 'MNIST (downloaded)' : source;
}

/** `1 epoch`, `16 epochs`, `2,000 steps`. */
function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
