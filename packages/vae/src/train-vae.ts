import type { TrainerOptions } from '@dlkit/training';
import { trainVaeWith } from './_train-vae';
import type { VaeTrainer } from './create-vae-trainer';
import type { VaeDataset } from './vae-dataset';
import type { VaeTrainEvent } from './vae-history';

/** How long to train, how to stop, where to checkpoint and what to evaluate; all optional. */
export interface TrainVaeOptions extends TrainerOptions {
  /** Held-out images: −ELBO and its terms on them go into each epoch's record. */
  testData?: VaeDataset;
}

/**
 * Trains `trainer` on `data` (pixels in [0, 1]) in shuffled mini-batches of `config.batchSize` (the last
 * one of an epoch may be smaller, as in the PyTorch example), reporting every step and epoch as events;
 * it draws nothing and logs nothing (the same conventions as trainGan). Batch order and noise derive
 * from the config's seed, the epoch and the step, so a run resumed from a checkpoint (even one written
 * mid-epoch) continues exactly as an uninterrupted one. A NaN or infinite loss throws a VaeError of kind
 * 'diverged' without overwriting the last good checkpoint. `options.checkpoint` is a CheckpointSink (the
 * checkpoint's bytes, on every platform) or, in Node, a file path (Node's trainVae, from `@dlkit/vae`
 * there or `@dlkit/vae/node`); a path in a browser is a VaeError of kind 'input'.
 * @example
 * const trainer = createVaeTrainer();
 * for await (const event of trainVae(trainer, train, { epochs: 10, testData: test, signal })) {
 *   if (event.type === 'epoch') console.log(event.epoch, event.trainLoss, event.testLoss);
 * }
 */
export function trainVae(trainer: VaeTrainer, data: VaeDataset, options: TrainVaeOptions = {}): AsyncGenerator<VaeTrainEvent, void> {
  return trainVaeWith(undefined, trainer, data, options);
}
