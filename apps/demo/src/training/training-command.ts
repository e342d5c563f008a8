import type { StepLosses } from '../progress/training-progress';
import type { TrainingKind } from './checkpoint-names';

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
  /** The training data in words, as the summary says it ('embedded MNIST, 8,000 training digits'). */
  data?: string;
}

/** A file of the run, as the closing lines list it: its name in the run's folder and what it holds. */
export type RunFileLine = readonly [name: string, what: string];

/** One session of a run, made by TrainingCommand.startRun once the trainer and the data are ready. */
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
 * The rest (the output folder and its lock, the --resume and --force checks, backend, progress, Ctrl-C,
 * closing lines) is runTrainingCommand's, the same for both.
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
