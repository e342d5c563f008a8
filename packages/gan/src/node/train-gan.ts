import { trainGanWith } from '../_train-gan';
import type { GanTrainEvent } from '../gan-history';
import type { GanTrainer } from '../gan-trainer';
import type { GanImages, TrainGanOptions } from '../train-gan';
import { saveGanCheckpoint } from './gan-checkpoint';

/**
 * Node's trainGan: the main entry's, whose `options.checkpoint` may also be a file path (or a folder),
 * written atomically by saveGanCheckpoint.
 *
 * @example
 * for await (const event of trainGan(trainer, mnist, { epochs: 5, checkpoint: 'out/', checkpointEvery: 'epoch' })) { … }
 */
export function trainGan(trainer: GanTrainer, data: GanImages, options: TrainGanOptions = {}): AsyncGenerator<GanTrainEvent, void> {
  return trainGanWith(saveGanCheckpoint, trainer, data, options);
}
