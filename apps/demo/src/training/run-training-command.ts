import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeBackend } from '@dlkit/backend';
import { sparkline } from '@dlkit/plot';
import { CliError } from '../cli-error';
import { displayPath } from '../display-path';
import { prepareOutputFolder } from '../output/prepare-output-folder';
import { describeTakeOver, lockRunFolder, type RunFolderLock } from '../output/run-folder-lock';
import { formatDuration } from '../progress/format-duration';
import { createTrainingProgress } from '../progress/training-progress';
import { resolveUserPath } from '../resolve-user-path';
import { startBackend } from '../start-backend';
import { checkpointNames } from './checkpoint-names';
import { endStatus } from './end-status';
import { resumeCommand } from './resume-command';
import { stopOnInterrupt } from './stop-on-interrupt';
import type {
  CommonRunSummary,
  EpochEvent,
  RecordedRun,
  RunFileLine,
  StepEvent,
  Trainer,
  TrainingCommand,
  TrainingEvent,
  TrainingRun,
  TrainingRunResult,
} from './training-command';
import type { TrainingOptions } from './training-options';

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
    // The same steps per epoch from other digits would shuffle other batches: not the run it continues.
    const recordedDigits = digitsIn(recorded?.data);
    if (options.resume && recordedDigits !== undefined && recordedDigits !== data.train.count) {
      throw new CliError(
        `cannot resume: the run in ${shown(dir)} trained on ${recordedDigits.toLocaleString('en-US')} digits, --data/--limit now give ${data.train.count.toLocaleString('en-US')}; use the data the run started with`,
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

    const lines = closingLines(dir, checkpoint, run.closing(result), {
      steps: trainer.stepCount,
      epochs: Math.floor(trainer.stepCount / stepsPerEpoch),
      seconds: result.seconds,
      interrupted,
      wanted: options.epochs,
      continueCommand,
    });
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
      `cannot resume with ${clashes.join(', ')}: a resumed run keeps its settings; drop the flag, or start over with --force instead of --resume`,
    );
  }
  return trainer;
}

/** What the run prints last, to stdout: how it ended, then where each file is (quiet: the first line only). */
function closingLines(
  dir: string,
  checkpoint: string,
  closing: { quality: string; files: readonly RunFileLine[] },
  end: {
    steps: number;
    epochs: number;
    seconds: number;
    interrupted: boolean;
    wanted: number;
    continueCommand: (epochs: number) => string;
  },
): string[] {
  const { quality, files } = closing;
  // File names line up in a column (long ones just get two spaces).
  const nameWidth = displayPath(join(dir, 'x')).length - 1 + 12;
  const fileLine = (path: string, what: string) => `  ${displayPath(path).padEnd(nameWidth)}  ${what}`;
  return [
    end.interrupted
      ? `stopped at step ${end.steps.toLocaleString('en-US')}${quality}; everything below is valid — continue with: ${end.continueCommand(end.wanted)}`
      : `done: ${count(end.epochs, 'epoch')}, ${count(end.steps, 'step')} in ${formatDuration(end.seconds)}${quality}`,
    fileLine(join(dir, 'report.html'), 'everything on one page (open it in a browser)'),
    ...files.map(([name, what]) => fileLine(join(dir, name), what)),
    fileLine(checkpoint, `checkpoint: ${end.continueCommand(Math.max(end.wanted, end.epochs) + 10)} trains further`),
  ];
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
/**
 * The digit count in a summary's data text ('embedded MNIST, 8,000 training digits' from this command,
 * '256 training digits of the embedded MNIST (in a browser)' from the page); undefined when it has none.
 */
function digitsIn(data: string | undefined): number | undefined {
  const match = data === undefined ? null : /(?:^|, )([\d,]+) training digits/.exec(data);
  return match ? Number(match[1]!.replaceAll(',', '')) : undefined;
}

function describeDataSource(source: string): string {
  return source === 'embedded' ? 'embedded MNIST' : source === 'download' ? 'MNIST (downloaded)' : source;
}

/** `1 epoch`, `16 epochs`, `2,000 steps`. */
function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
