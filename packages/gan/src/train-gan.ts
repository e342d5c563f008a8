import type { TrainerOptions } from '@dlkit/training';
import { trainGanWith } from './_train-gan';
import type { GanTrainEvent } from './gan-history';
import type { GanTrainer } from './gan-trainer';

/** Training images: `count` images of `pixels` values each, in [−1, 1], row after row (an MnistDataset fits). */
export interface GanImages {
  images: Float32Array;
  count: number;
  /** Each image's class, 0 … classCount − 1: needed by a class-conditional GAN, ignored by others. */
  labels?: ArrayLike<number>;
}

/** Anything that scores a trainer's samples each epoch (see createGanMetrics). */
export interface GanEpochEvaluator {
  evaluate(trainer: GanTrainer): Promise<{ fid?: number; mnistScore?: number; strayInk?: number; isolatedPixels?: number }>;
}

/** How long to train, how to stop, where to checkpoint and what to score; all optional. */
export interface TrainGanOptions extends TrainerOptions {
  /** Scores samples at each epoch's end; the scores go into the epoch's history record. */
  metrics?: GanEpochEvaluator;
}

/**
 * Trains `trainer` on `data`, reporting every step and epoch as events; it draws nothing and logs
 * nothing. Shuffling is seeded per epoch from the config's seed, so a run resumed from a checkpoint
 * (loadGanCheckpoint) continues with exactly the batches, noise and losses of an uninterrupted one.
 * A NaN or infinite loss throws a GanError (kind 'diverged') without overwriting the last good checkpoint.
 * `options.checkpoint` is a CheckpointSink (the checkpoint's bytes, on every platform) or, in Node, a file
 * path (Node's trainGan, from `@dlkit/gan` there or `@dlkit/gan/node`); a path in a browser is a GanError
 * of kind 'input'.
 *
 * @example
 * for await (const event of trainGan(trainer, mnist, { epochs: 5, signal })) {
 *   if (event.type === 'step') console.log(event.step, event.dLoss, event.gLoss);
 * }
 */
export function trainGan(trainer: GanTrainer, data: GanImages, options: TrainGanOptions = {}): AsyncGenerator<GanTrainEvent, void> {
  return trainGanWith(undefined, trainer, data, options);
}
