import {
  createGanMetrics,
  createGanTrainer,
  decodeGanCheckpoint,
  encodeGanCheckpoint,
  exportGenerator,
  type GanEpochEvaluator,
  type GanImages,
  type GanMetrics,
  type GanTrainer,
  ganStepsPerEpoch,
  restoreGanTrainer,
  trainGan,
} from '@dlkit/gan';
import { loadMnist, loadReferenceDigits } from '@dlkit/mnist';
import { ganDefaults } from '../../src/gan/gan-defaults';
import { ganArchitectureName } from '../../src/gan/gan-model-name';
import { ganVariantConfig } from '../../src/gan/gan-variants';
import { sampleGridPng } from '../../src/gan/sample-grid-png';
import { checkpointNames } from '../../src/training/checkpoint-names';
import { errorText } from './error-text';
import { checkResumedData } from './check-resumed-data';
import type { RunControl } from './run-control';
import type { TrainingSession } from './training-session';
import type { FromWorker, RunSettings } from './worker-protocol';

/**
 * Trains the GAN in the worker as `pnpm demo` does in Node — the same data (the first `digits` embedded
 * training digits in [−1, 1]), trainer, metrics (FID and MNIST score against the 1,000 reference digits)
 * and checkpoint bytes — and reports each step and epoch to the page.
 */
export async function trainGanSession(
  settings: RunSettings,
  checkpoint: Uint8Array | undefined,
  control: RunControl,
  post: (message: FromWorker, transfer?: Transferable[]) => void,
): Promise<TrainingSession> {
  post({ type: 'status', text: 'loading the digits…' });
  const train = await loadMnist({ split: 'train', limit: settings.digits, normalize: '[-1,1]' });
  const trainer = checkpoint
    ? restoreGanTrainer(decodeGanCheckpoint(checkpoint))
    : createGanTrainer({
        ...ganVariantConfig(settings.model),
        batchSize: settings.batchSize,
        learningRate: settings.learningRate,
        // as `pnpm demo` runs: samples and metrics from an EMA of G's weights (a checkpoint keeps its own)
        emaDecay: ganDefaults.emaDecay,
        generatorTopFraction: ganDefaults.generatorTopFraction,
        seed: settings.seed,
      });
  const session: TrainingSession = {
    checkpoint: async () => ({ bytes: encodeGanCheckpoint(trainer.snapshot()), name: checkpointNames.GAN }),
    exportModel: () => exportGenerator(trainer),
    run: () => run(trainer, train, settings, control, post),
    dispose: () => trainer.dispose(),
  };
  return session;
}

async function run(
  trainer: GanTrainer,
  train: GanImages,
  settings: RunSettings,
  control: RunControl,
  post: (message: FromWorker, transfer?: Transferable[]) => void,
): Promise<void> {
  const { batchSize } = trainer.config;
  const stepsPerEpoch = ganStepsPerEpoch(train.count, batchSize);
  if (stepsPerEpoch < 1)
    throw new Error(`${train.count} training digits are fewer than one batch of ${batchSize}: lower the batch size or raise the digits`);
  checkResumedData(trainer, train.count, batchSize, stepsPerEpoch);
  post({ type: 'status', text: 'computing the reference digits’ statistics for FID…' });
  const metrics = await createGanMetrics({ reference: await loadReferenceDigits() });
  try {
    // What real training digits score: the mark the generator's numbers are read against.
    const realCount = Math.min(metrics.sampleCount, train.count);
    const real = realCount >= 2 ? scoreRealDigits(metrics, train, realCount, post) : undefined;
    post({
      type: 'plan',
      config: trainer.config,
      model: ganArchitectureName(trainer.config),
      stepsPerEpoch,
      epochs: settings.epochs,
      startStep: trainer.stepCount,
      steps: trainer.history.steps,
      epochRecords: trainer.history.epochs,
      ...(real ? { realDigits: real } : {}),
    });
    post({ type: 'status', text: 'training' });
    const events = trainGan(trainer, train, {
      epochs: settings.epochs,
      signal: control.signal,
      metrics: keepTrainingIfScoringFails(metrics, post),
    });
    // No checkpoint option: the page asks for the bytes when it saves (between steps, or after the end).
    for await (const event of events) {
      if (event.type === 'step') {
        const { samplesPerSecond, type: _type, stepInEpoch: _s, stepsPerEpoch: _p, ...record } = event;
        post({ type: 'step', record, samplesPerSecond });
        await control.between();
      } else if (event.type === 'epoch') {
        const grid = sampleGridPng(trainer);
        const { type: _type, ...record } = event;
        post({ type: 'epoch', record, grid }, [grid.buffer]);
        await control.between();
      } else if (event.type === 'end') {
        post({ type: 'end', reason: event.reason, step: event.step, epoch: event.epoch });
      }
    }
  } finally {
    metrics.dispose();
  }
}

/** What real training digits score, or undefined (with a note on the page) when the backend cannot score them. */
function scoreRealDigits(metrics: GanMetrics, train: { images: Float32Array }, count: number, post: (message: FromWorker) => void) {
  try {
    return metrics.measure({ images: train.images.subarray(0, count * 784), count });
  } catch (error) {
    post({ type: 'note', text: `FID and MNIST score are not computed on this backend: ${errorText(error)}` });
    return undefined;
  }
}

/**
 * The metrics as the loop's epoch evaluator, except that a failure to score (tfjs-backend-webgpu's
 * synchronous read-back in headless Chromium, for one) leaves the epoch unscored with a note on the page
 * instead of ending the run: the scores are a view of training, not part of it.
 */
function keepTrainingIfScoringFails(metrics: GanMetrics, post: (message: FromWorker) => void): GanEpochEvaluator {
  let failed = false;
  return {
    async evaluate(trainer) {
      if (failed) return {};
      try {
        return await metrics.evaluate(trainer);
      } catch (error) {
        failed = true;
        post({ type: 'note', text: `FID and MNIST score are not computed on this backend: ${errorText(error)}` });
        return {};
      }
    },
  };
}
