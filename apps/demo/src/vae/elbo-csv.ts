import type { VaeEpochRecord } from '@dlkit/vae';

const columns = [
  'epoch',
  'steps',
  'train_loss',
  'train_reconstruction',
  'train_kl',
  'test_loss',
  'test_reconstruction',
  'test_kl',
] as const;

const cell = (x: number | undefined) => (x === undefined ? '' : String(x));

/** One row per epoch: the mean training −ELBO of its steps and the test −ELBO at its end (nats per digit). */
export function elboToCsv(epochs: readonly VaeEpochRecord[]): string {
  const rows = epochs.map((e) =>
    [e.epoch, e.steps, e.trainLoss, e.trainReconstruction, e.trainKl, e.testLoss, e.testReconstruction, e.testKl].map(cell).join(','),
  );
  return `${[columns.join(','), ...rows].join('\n')}\n`;
}
