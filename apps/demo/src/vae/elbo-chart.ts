import { lineChart } from '@dlkit/plot';
import type { VaeEpochRecord } from '@dlkit/vae';

/**
 * Test −ELBO against epoch, with the training −ELBO (the mean over each epoch's steps) for
 * comparison. Needs at least one finished epoch.
 */
export async function elboChart(epochs: readonly VaeEpochRecord[], title: string): Promise<string> {
  const x = epochs.map((e) => e.epoch);
  return lineChart({
    series: [
      { name: 'test −ELBO', x, y: epochs.map((e) => e.testLoss ?? Number.NaN) },
      { name: 'train −ELBO (epoch mean)', x, y: epochs.map((e) => e.trainLoss) },
    ],
    title,
    xTitle: 'epoch',
    yTitle: '−ELBO (nats per digit)',
    width: 640,
    height: 320,
  });
}
