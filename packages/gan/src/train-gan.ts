import * as tf from '@tensorflow/tfjs-core';
import { deriveSeed, shuffledIndices } from '@dlkit/random';
import { randomStream } from './_random-stream';
import { saveGanCheckpoint } from './gan-checkpoint';
import { GanError } from './gan-error';
import { ganStepsPerEpoch } from './gan-steps-per-epoch';
import type { GanEpochRecord, GanStepRecord } from './gan-history';
import type { GanTrainer } from './gan-trainer';

/** Training images: `count` images of `pixels` values each, in [−1, 1], row after row (an MnistDataset fits). */
export interface GanImages {
  images: Float32Array;
  count: number;
}

/** Anything that scores a trainer's samples each epoch (see createGanMetrics). */
export interface GanEpochEvaluator {
  evaluate(trainer: GanTrainer): Promise<{ fid?: number; mnistScore?: number }>;
}

/** How long to train, how to stop, where to checkpoint and what to score; all optional. */
export interface TrainGanOptions {
  /** Train until this many epochs are done in all, resumed ones included (default 1). */
  epochs?: number;
  /** Stop once the trainer has done this many steps in all. */
  maxSteps?: number;
  /** Stops training cleanly after the current step (a checkpoint is written first if configured). */
  signal?: AbortSignal;
  /** Checkpoint file or directory, written at each epoch's end, every `checkpointEvery` steps and on stopping. */
  checkpoint?: string;
  /** Also checkpoint every this many steps. */
  checkpointEvery?: number;
  /** Scores samples at each epoch's end; the scores go into the epoch's history record. */
  metrics?: GanEpochEvaluator;
}

/** One training step as reported. `step` is global and 1-based; `epoch` is 1-based. */
export interface GanStepEvent extends GanStepRecord {
  type: 'step';
  stepInEpoch: number;
  stepsPerEpoch: number;
  /** Real images per second through this step (measured around trainer.step). */
  samplesPerSecond: number;
}

/** An epoch's end: the averages (and metrics) appended to the history. */
export interface GanEpochEvent extends GanEpochRecord {
  type: 'epoch';
}

/** A checkpoint was written. */
export interface GanCheckpointEvent {
  type: 'checkpoint';
  path: string;
  step: number;
}

/** Training stopped: done, asked to stop, or the step budget reached. Always the last event. */
export interface GanEndEvent {
  type: 'end';
  reason: 'completed' | 'aborted' | 'max-steps';
  step: number;
  epoch: number;
}

/** What trainGan yields: steps, epoch ends, checkpoints, and one final 'end'. */
export type GanTrainEvent = GanStepEvent | GanEpochEvent | GanCheckpointEvent | GanEndEvent;

/**
 * Trains `trainer` on `data`, reporting every step and epoch as events; it draws nothing and logs
 * nothing. Shuffling is seeded per epoch from the config's seed, so a run resumed from a checkpoint
 * (loadGanCheckpoint) continues with exactly the batches, noise and losses of an uninterrupted one.
 * A NaN or infinite loss throws a GanError (kind 'diverged') without overwriting the last good checkpoint.
 *
 * @example
 * for await (const event of trainGan(trainer, mnist, { epochs: 5, signal })) {
 *   if (event.type === 'step') console.log(event.step, event.dLoss, event.gLoss);
 * }
 */
export async function* trainGan(trainer: GanTrainer, data: GanImages, options: TrainGanOptions = {}): AsyncGenerator<GanTrainEvent, void> {
  const { epochs = 1, maxSteps, signal, checkpoint, checkpointEvery, metrics } = options;
  checkCount('epochs', epochs, 0);
  if (maxSteps !== undefined) checkCount('maxSteps', maxSteps, 0);
  if (checkpointEvery !== undefined) checkCount('checkpointEvery', checkpointEvery, 1);
  const [height, width] = trainer.config.imageShape;
  const pixels = height * width;
  checkImages(data, pixels);
  const { batchSize, seed } = trainer.config;
  if (data.count < batchSize)
    throw new GanError(`trainGan: ${data.count} images are fewer than one batch of ${batchSize}`, { kind: 'input' });
  const stepsPerEpoch = ganStepsPerEpoch(data.count, batchSize);
  if (trainer.stepsPerEpoch !== null && trainer.stepsPerEpoch !== stepsPerEpoch) {
    throw new GanError(
      `trainGan: this run had ${trainer.stepsPerEpoch} steps per epoch, the data now gives ${stepsPerEpoch} (${data.count} images, batch ${batchSize}); resume with the same data`,
      { kind: 'input' },
    );
  }
  trainer.stepsPerEpoch = stepsPerEpoch;

  let savedStep = -1;
  let lastGood: { path: string; step: number } | undefined;
  const save = async (): Promise<GanCheckpointEvent | undefined> => {
    if (!checkpoint || savedStep === trainer.stepCount) return undefined;
    const path = await saveGanCheckpoint(trainer, checkpoint);
    savedStep = trainer.stepCount;
    lastGood = { path, step: savedStep };
    return { type: 'checkpoint', path, step: savedStep };
  };
  const end = async function* (reason: GanEndEvent['reason']): AsyncGenerator<GanTrainEvent> {
    const saved = await save();
    if (saved) yield saved;
    yield { type: 'end', reason, step: trainer.stepCount, epoch: Math.floor(trainer.stepCount / stepsPerEpoch) };
  };

  const batchValues = new Float32Array(batchSize * pixels);
  let order: Uint32Array | undefined;
  let orderEpoch = -1;
  for (;;) {
    const done = trainer.stepCount;
    if (maxSteps !== undefined && done >= maxSteps) return yield* end('max-steps');
    const epochIndex = Math.floor(done / stepsPerEpoch);
    if (epochIndex >= epochs) return yield* end('completed');
    if (signal?.aborted) return yield* end('aborted');
    if (orderEpoch !== epochIndex) {
      order = shuffledIndices(data.count, deriveSeed(seed, randomStream.shuffle, epochIndex));
      orderEpoch = epochIndex;
    }
    const position = done % stepsPerEpoch;
    for (let i = 0; i < batchSize; i++) {
      const image = order![position * batchSize + i]!;
      batchValues.set(data.images.subarray(image * pixels, (image + 1) * pixels), i * pixels);
    }
    const started = performance.now();
    const real = tf.tensor2d(batchValues, [batchSize, pixels]);
    let losses: ReturnType<GanTrainer['step']>;
    try {
      losses = trainer.step(real);
    } finally {
      real.dispose();
    }
    const seconds = (performance.now() - started) / 1000;
    const record: GanStepRecord = { epoch: epochIndex + 1, step: done + 1, ...losses };
    const bad = (['dLoss', 'gLoss', 'dReal', 'dFake'] as const).filter((key) => !Number.isFinite(losses[key]));
    if (bad.length > 0) {
      const values = bad.map((key) => `${key}=${losses[key]}`).join(', ');
      const kept = lastGood
        ? `the last good checkpoint, ${lastGood.path} (step ${lastGood.step}), is kept`
        : checkpoint
          ? `no checkpoint was written in this run, so ${checkpoint} is as it was`
          : 'no checkpoint was configured';
      throw new GanError(
        `training diverged at step ${record.step} (epoch ${record.epoch}): ${values}; ${kept}. Lower the learning rate or check the data.`,
        { kind: 'diverged' },
      );
    }
    trainer.history.steps.push(record);
    yield { type: 'step', ...record, stepInEpoch: position + 1, stepsPerEpoch, samplesPerSecond: batchSize / seconds };

    if (trainer.stepCount % stepsPerEpoch === 0) {
      const epochRecord = averageEpoch(trainer, epochIndex + 1, stepsPerEpoch);
      if (metrics) Object.assign(epochRecord, await metrics.evaluate(trainer));
      trainer.history.epochs.push(epochRecord);
      yield { type: 'epoch', ...epochRecord };
      const saved = await save();
      if (saved) yield saved;
    } else if (checkpointEvery !== undefined && trainer.stepCount % checkpointEvery === 0) {
      const saved = await save();
      if (saved) yield saved;
    }
    // Let timers and signal handlers (Ctrl-C) run between the synchronous steps.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function averageEpoch(trainer: GanTrainer, epoch: number, stepsPerEpoch: number): GanEpochRecord {
  const steps = trainer.history.steps.slice(-stepsPerEpoch).filter((record) => record.epoch === epoch);
  const mean = (key: 'dLoss' | 'gLoss' | 'dReal' | 'dFake') => steps.reduce((sum, record) => sum + record[key], 0) / steps.length;
  return { epoch, steps: steps.length, dLoss: mean('dLoss'), gLoss: mean('gLoss'), dReal: mean('dReal'), dFake: mean('dFake') };
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new GanError(`trainGan: ${name} must be an integer ≥ ${min}, found ${String(value)}`, { kind: 'input' });
}

function checkImages(data: GanImages, pixels: number): void {
  if (!data || !(data.images instanceof Float32Array) || !Number.isInteger(data.count) || data.count < 1) {
    throw new GanError('trainGan: data must be { images: Float32Array, count: number } with count ≥ 1', { kind: 'input' });
  }
  if (data.images.length !== data.count * pixels) {
    throw new GanError(`trainGan: expected ${data.count} × ${pixels} = ${data.count * pixels} pixel values, found ${data.images.length}`, {
      kind: 'input',
    });
  }
  for (let i = 0; i < data.images.length; i++) {
    const value = data.images[i]!;
    if (!(value >= -1.0001 && value <= 1.0001)) {
      throw new GanError(
        `trainGan: pixel ${i % pixels} of image ${Math.floor(i / pixels)} is ${value}; images must be finite and in [−1, 1] (load MNIST with normalize: '[-1,1]')`,
        { kind: 'input' },
      );
    }
  }
}
