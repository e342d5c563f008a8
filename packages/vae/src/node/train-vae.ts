import { trainVaeWith } from '../_train-vae';
import type { VaeTrainer } from '../create-vae-trainer';
import type { TrainVaeOptions } from '../train-vae';
import type { VaeDataset } from '../vae-dataset';
import type { VaeTrainEvent } from '../vae-history';
import { saveVaeCheckpoint } from './vae-checkpoint';

/**
 * Node's trainVae: the main entry's, whose `options.checkpoint` may also be a file path, written
 * atomically by saveVaeCheckpoint.
 *
 * @example
 * for await (const event of trainVae(trainer, train, { epochs: 10, checkpoint: 'out/vae-checkpoint.json' })) { … }
 */
export function trainVae(trainer: VaeTrainer, data: VaeDataset, options: TrainVaeOptions = {}): AsyncGenerator<VaeTrainEvent, void> {
  return trainVaeWith(saveVaeCheckpoint, trainer, data, options);
}
