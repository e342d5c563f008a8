import type { CheckpointSink } from './checkpoint-sink';
import { deriveSeed, shuffledIndices } from '@dlkit/random';

/** How long to train, how to stop and how often to checkpoint: the options every dlkit training loop takes. */
export interface EpochLoopOptions {
  /** Train until this many epochs are done in all, resumed ones included (default 1). */
  epochs?: number;
  /** Stop once the trainer has done this many steps in all. */
  maxSteps?: number;
  /** Stops training cleanly after the current step (a checkpoint is written first if configured). */
  signal?: AbortSignal;
  /** Also checkpoint every this many steps. */
  checkpointEvery?: number;
}

/** What every dlkit trainer's train function takes (trainGan, trainVae): the loop's options and where checkpoints go. */
export interface TrainerOptions extends EpochLoopOptions {
  /**
   * Where checkpoints go, at each epoch's end, every `checkpointEvery` steps and on stopping: a path (Node:
   * the model's checkpoint file, written atomically) or a {@link CheckpointSink} given the bytes that file
   * would hold (any platform). See {@link checkpointOptions}.
   */
  checkpoint?: string | CheckpointSink;
}

/** What {@link runEpochs} runs: the data's size and batching, the seed, where the run stands, and how to checkpoint. */
export interface RunEpochsOptions extends EpochLoopOptions {
  /** How many examples the data holds (≥ 1). */
  count: number;
  /** Examples per step (≥ 1). */
  batchSize: number;
  /**
   * Steps per epoch, by the model's rule: ⌊count / batchSize⌋ drops the incomplete last batch, ⌈…⌉ keeps it
   * as a smaller one. Between 1 and ⌈count / batchSize⌉.
   */
  stepsPerEpoch: number;
  /** The run's seed: epoch e's order is `shuffledIndices(count, deriveSeed(seed, shuffleStream, e))`. */
  seed: number;
  /** The caller's random stream for shuffling (deriveSeed's `stream`); part of its checkpoint format. */
  shuffleStream: number;
  /** Steps the trainer has done already (a resumed run's step count; default 0). */
  startStep?: number;
  /** The steps per epoch the resumed run had (null or omitted for a fresh one); a different `stepsPerEpoch` is an error. */
  resumedStepsPerEpoch?: number | null;
  /**
   * How many examples the resumed run trained on (null or omitted: a fresh run, or one from before this
   * was kept); a different `count` is an error: the epochs' orders would differ from the run's.
   */
  resumedCount?: number | null;
  /** Writes the trainer's state (at `step`, global) now and resolves to where it went (a path, a URL, a key). Omit for no checkpoints. */
  saveCheckpoint?: (step: number) => Promise<string>;
  /** Where checkpoints go, named in the divergence text when none was written yet (a path); omit for a sink. */
  checkpointTarget?: string;
  /** Makes the error for bad options, so that they come as the caller's class (default: a RangeError). */
  invalid?: (message: string) => Error;
  /** What the examples are called in messages, plural (default 'examples'). */
  itemName?: string;
}

/**
 * A step to take now: train on rows `indices` of the data, then ask for the next event. `step` is global
 * and 1-based, `epoch` 1-based.
 */
export interface StepDue {
  type: 'step';
  step: number;
  epoch: number;
  /** 1-based. */
  stepInEpoch: number;
  stepsPerEpoch: number;
  /** The rows of this step's batch, in order: a view into the epoch's shuffled order (do not change it). */
  indices: Uint32Array;
  /**
   * What a failure now leaves behind, for the caller's error message: 'the last good checkpoint, PATH
   * (step N), is kept', 'no checkpoint was written in this run, so TARGET is as it was' (or '… in this run'
   * without a target), or 'no checkpoint was configured'.
   */
  keptCheckpoint(): string;
}

/** The step just taken ended epoch `epoch` (1-based); a checkpoint follows if configured. */
export interface EpochDone {
  type: 'epoch';
  epoch: number;
}

/** A checkpoint was written. */
export interface CheckpointWritten {
  type: 'checkpoint';
  path: string;
  step: number;
}

/** Training stopped: done, asked to stop, or the step budget reached. Always the last event. */
export interface TrainingEnd {
  type: 'end';
  reason: 'completed' | 'aborted' | 'max-steps';
  step: number;
  /** Whole epochs done. */
  epoch: number;
}

/** What runEpochs yields. */
export type RunEpochsEvent = StepDue | EpochDone | CheckpointWritten | TrainingEnd;

/**
 * The seeded, resumable epoch loop of dlkit's trainers: it says which rows to train on and when an epoch
 * ends, checkpoints, and stops; the caller takes the steps and reports them. Epoch e visits the rows in the
 * order `shuffledIndices(count, deriveSeed(seed, shuffleStream, e))` in batches of `batchSize` (the last one
 * clipped to the data), so a run resumed from `startStep`, even mid-epoch, gets exactly the batches an
 * uninterrupted one would. After each step's event (the caller's step done when it asks for the next):
 * `epoch` at an epoch's end, then `checkpoint`; otherwise `checkpoint` every `checkpointEvery` steps. Before
 * each step it stops with a checkpoint (if one is configured and the step is not saved yet) and `end`: at
 * `maxSteps` ('max-steps'), after `epochs` epochs ('completed'), or once `signal` is aborted ('aborted').
 * Between steps it gives timers and signal handlers a turn (setImmediate, else setTimeout). Bad options
 * throw `invalid(message)` when called, before any event. An error from `saveCheckpoint` ends the loop as it is.
 *
 * @example
 * for await (const event of runEpochs({ count: 1000, batchSize: 100, stepsPerEpoch: 10, seed: 1, shuffleStream: 6, epochs: 2 })) {
 *   if (event.type === 'step') trainOn(event.indices); // the caller's step
 *   else if (event.type === 'end') console.log(event.reason, event.step); // completed 20
 * }
 */
export function runEpochs(options: RunEpochsOptions): AsyncGenerator<RunEpochsEvent, void> {
  const invalid = options.invalid ?? ((message: string) => new RangeError(message));
  const {
    epochs = 1,
    maxSteps,
    checkpointEvery,
    count,
    batchSize,
    stepsPerEpoch,
    startStep = 0,
    resumedStepsPerEpoch,
    resumedCount,
  } = options;
  const checkCount = (name: string, value: unknown, min: number) => {
    if (!Number.isSafeInteger(value) || (value as number) < min)
      throw invalid(`${name} must be an integer ≥ ${min}, found ${String(value)}`);
  };
  checkCount('epochs', epochs, 0);
  if (maxSteps !== undefined) checkCount('maxSteps', maxSteps, 0);
  if (checkpointEvery !== undefined) checkCount('checkpointEvery', checkpointEvery, 1);
  checkCount('count', count, 1);
  checkCount('batchSize', batchSize, 1);
  checkCount('startStep', startStep, 0);
  for (const name of ['seed', 'shuffleStream'] as const) {
    if (!Number.isSafeInteger(options[name])) throw invalid(`${name} must be a safe integer, found ${String(options[name])}`);
  }
  const most = Math.ceil(count / batchSize);
  if (!Number.isSafeInteger(stepsPerEpoch) || stepsPerEpoch < 1 || stepsPerEpoch > most) {
    throw invalid(`stepsPerEpoch must be an integer from 1 to ⌈${count} / ${batchSize}⌉ = ${most}, found ${String(stepsPerEpoch)}`);
  }
  const items = options.itemName ?? 'examples';
  if (resumedCount != null && resumedCount !== count) {
    throw invalid(`this run trained on ${resumedCount} ${items}, the data now holds ${count}; resume with the same data`);
  }
  if (resumedStepsPerEpoch != null && resumedStepsPerEpoch !== stepsPerEpoch) {
    throw invalid(
      `this run had ${resumedStepsPerEpoch} steps per epoch, the data now gives ${stepsPerEpoch} (${count} ${items}, batch ${batchSize}); resume with the same data`,
    );
  }
  return epochLoop({ ...options, epochs, startStep, invalid });
}

async function* epochLoop(
  options: RunEpochsOptions & { epochs: number; startStep: number; invalid: (message: string) => Error },
): AsyncGenerator<RunEpochsEvent, void> {
  const { epochs, maxSteps, signal, checkpointEvery, count, batchSize, stepsPerEpoch, seed, shuffleStream } = options;
  const { saveCheckpoint, checkpointTarget, invalid } = options;
  let done = options.startStep;
  let savedStep = -1;
  let lastGood: { path: string; step: number } | undefined;
  const keptCheckpoint = (): string => {
    if (lastGood) return `the last good checkpoint, ${lastGood.path} (step ${lastGood.step}), is kept`;
    if (!saveCheckpoint) return 'no checkpoint was configured';
    return checkpointTarget === undefined
      ? 'no checkpoint was written in this run'
      : `no checkpoint was written in this run, so ${checkpointTarget} is as it was`;
  };
  const save = async (): Promise<CheckpointWritten | undefined> => {
    if (!saveCheckpoint || savedStep === done) return undefined;
    const path = await saveCheckpoint(done);
    if (typeof path !== 'string') throw invalid(`saving a checkpoint must resolve to where it went (a string), found ${String(path)}`);
    savedStep = done;
    lastGood = { path, step: done };
    return { type: 'checkpoint', path, step: done };
  };
  const end = async function* (reason: TrainingEnd['reason']): AsyncGenerator<RunEpochsEvent, void> {
    const saved = await save();
    if (saved) yield saved;
    yield { type: 'end', reason, step: done, epoch: Math.floor(done / stepsPerEpoch) };
  };

  let order: Uint32Array = new Uint32Array(0);
  let orderEpoch = -1;
  for (;;) {
    if (maxSteps !== undefined && done >= maxSteps) return yield* end('max-steps');
    const epochIndex = Math.floor(done / stepsPerEpoch);
    if (epochIndex >= epochs) return yield* end('completed');
    if (signal?.aborted) return yield* end('aborted');
    if (orderEpoch !== epochIndex) {
      order = shuffledIndices(count, deriveSeed(seed, shuffleStream, epochIndex));
      orderEpoch = epochIndex;
    }
    const position = done % stepsPerEpoch;
    const start = position * batchSize;
    const indices = order.subarray(start, Math.min(count, start + batchSize));
    yield { type: 'step', step: done + 1, epoch: epochIndex + 1, stepInEpoch: position + 1, stepsPerEpoch, indices, keptCheckpoint };
    done += 1;
    if (done % stepsPerEpoch === 0) {
      yield { type: 'epoch', epoch: epochIndex + 1 };
      const saved = await save();
      if (saved) yield saved;
    } else if (checkpointEvery !== undefined && done % checkpointEvery === 0) {
      const saved = await save();
      if (saved) yield saved;
    }
    // Let timers and signal handlers (Ctrl-C) run between the caller's synchronous steps.
    await new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
  }
}
