import { loadMnist } from '@dlkit/mnist';
import { imageGrid } from '@dlkit/plot';
import {
  createVaeTrainer,
  decodeVaeCheckpoint,
  encodeVaeCheckpoint,
  exportVaeDecoder,
  trainVae,
  type VaeTrainer,
  vaeStepsPerEpoch,
} from '@dlkit/vae';
import { checkpointNames } from '../../src/training/checkpoint-names';
import { checkResumedData } from './check-resumed-data';
import type { RunControl } from './run-control';
import type { TrainingSession } from './training-session';
import type { FromWorker, RunSettings } from './worker-protocol';

/** Prior samples per grid (8 × 8), from the same noise every epoch, as the CLI's samples.png. */
const sampleCount = 64;
const sampleSeed = 1;

/**
 * Trains the VAE (784-400-20) in the worker as `pnpm demo vae train` does in Node: the first `digits`
 * embedded training digits in [0, 1], the test −ELBO on the 2,000 test digits each epoch, the CLI's
 * checkpoint bytes; reports each step and epoch (with its prior samples) to the page.
 */
export async function trainVaeSession(
  settings: RunSettings,
  checkpoint: Uint8Array | undefined,
  control: RunControl,
  post: (message: FromWorker, transfer?: Transferable[]) => void,
): Promise<TrainingSession> {
  post({ type: 'status', text: 'loading the digits…' });
  const train = await loadMnist({ split: 'train', limit: settings.digits, normalize: '[0,1]' });
  const test = await loadMnist({ split: 'test', normalize: '[0,1]' });
  const trainer = checkpoint
    ? decodeVaeCheckpoint(checkpoint, 'the chosen file')
    : createVaeTrainer({ batchSize: settings.batchSize, learningRate: settings.learningRate, seed: settings.seed });
  return {
    checkpoint: async () => ({ bytes: await encodeVaeCheckpoint(trainer), name: checkpointNames.VAE }),
    exportModel: () => exportVaeDecoder(trainer.vae),
    run: () => run(trainer, train, test, settings, control, post),
    dispose: () => trainer.dispose(),
  };
}

async function run(
  trainer: VaeTrainer,
  train: { images: Float32Array; count: number },
  test: { images: Float32Array; count: number },
  settings: RunSettings,
  control: RunControl,
  post: (message: FromWorker, transfer?: Transferable[]) => void,
): Promise<void> {
  const { batchSize } = trainer.config;
  const stepsPerEpoch = vaeStepsPerEpoch(train.count, batchSize);
  checkResumedData(trainer, train.count, batchSize, stepsPerEpoch);
  post({
    type: 'plan',
    config: trainer.config,
    model: `VAE ${[784, ...trainer.config.hiddenSizes, trainer.config.latentSize].join('-')}`,
    stepsPerEpoch,
    epochs: settings.epochs,
    startStep: trainer.stepCount,
    steps: trainer.history.steps,
    epochRecords: trainer.history.epochs,
  });
  post({ type: 'status', text: 'training' });
  for await (const event of trainVae(trainer, train, { epochs: settings.epochs, signal: control.signal, testData: test })) {
    if (event.type === 'step') {
      const { samplesPerSecond, type: _type, stepInEpoch: _s, stepsPerEpoch: _p, ...record } = event;
      post({ type: 'step', record, samplesPerSecond });
      await control.between();
    } else if (event.type === 'epoch') {
      const grid = priorSamples(trainer);
      const { type: _type, ...record } = event;
      post({ type: 'epoch', record, grid }, [grid.buffer]);
      await control.between();
    } else if (event.type === 'end') {
      post({ type: 'end', reason: event.reason, step: event.step, epoch: event.epoch });
    }
  }
}

function priorSamples(trainer: VaeTrainer): Uint8Array {
  const samples = trainer.vae.sample(sampleCount, { seed: sampleSeed });
  try {
    return imageGrid(samples, { width: 28, height: 28, columns: 8, scale: 2, spacing: 2 });
  } finally {
    samples.dispose();
  }
}
