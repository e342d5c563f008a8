import * as tf from '@tensorflow/tfjs-core';
import { checkVaeDataset, gatherRows } from './_check-dataset';
import { mixSeed, seededRandom } from './_seeded-random';
import type { VaeTrainerState } from './_vae-trainer';
import { createVaeTrainer, type VaeTrainer } from './create-vae-trainer';
import { evaluateVae } from './evaluate-vae';
import { saveVaeCheckpoint } from './vae-checkpoint';
import type { VaeConfig } from './vae-config';
import type { VaeDataset } from './vae-dataset';
import { VaeError } from './vae-error';
import type { VaeEpochRecord, VaeHistory, VaeStepRecord } from './vae-history';

/** Options of trainVae. */
export interface TrainVaeOptions {
  /** Training images (pixels in [0, 1]). */
  data: VaeDataset;
  /** When given, −ELBO on it is recorded after every epoch. */
  testData?: VaeDataset;
  /** Total epochs the trainer should have completed when trainVae returns (resumed epochs count); default 10. */
  epochs?: number;
  /** Settings of a new trainer (ignored when `trainer` is given). */
  config?: Partial<VaeConfig>;
  /** Continue training this trainer, e.g. one from loadVaeCheckpoint; trainVae does not dispose it. */
  trainer?: VaeTrainer;
  /** Stops cleanly after the current step; the result then has stopped: true. */
  signal?: AbortSignal;
  /** After every step. */
  onStep?: (progress: VaeStepProgress) => void;
  /** After every epoch (and its evaluation and checkpoint). */
  onEpoch?: (record: VaeEpochRecord) => void | Promise<void>;
  /** Saved atomically after every epoch and when stopped. */
  checkpointPath?: string;
}

/** What onStep receives. */
export interface VaeStepProgress extends VaeStepRecord {
  /** 1-based. */
  epoch: number;
  /** 0-based step within the epoch. */
  stepInEpoch: number;
  stepsPerEpoch: number;
  /** Training throughput of this run so far. */
  samplesPerSecond: number;
}

/** What trainVae returns. */
export interface TrainVaeResult {
  trainer: VaeTrainer;
  history: VaeHistory;
  /** True when the signal stopped training before `epochs` were done. */
  stopped: boolean;
}

/**
 * Trains a VAE on `data` for `epochs` epochs of shuffled mini-batches (the last one may be smaller).
 * Deterministic for a given seed and backend: batch order and noise derive from the config's seed, the
 * epoch and the step, so a run resumed from a checkpoint (even one saved mid-epoch) continues exactly
 * as if it had never stopped. A NaN or infinite loss throws a VaeError; the last checkpoint stays as it was.
 * @example
 * const train = await loadMnist({ source: 'embedded', split: 'train', normalize: '[0,1]' });
 * const { trainer, history } = await trainVae({ data: train, epochs: 10, onEpoch: (e) => console.log(e.trainLoss) });
 */
export async function trainVae(options: TrainVaeOptions): Promise<TrainVaeResult> {
  if (options === null || typeof options !== 'object') throw new VaeError('trainVae: options must be an object with at least { data }');
  const trainer = (options.trainer ?? createVaeTrainer(options.config)) as VaeTrainerState;
  const ownsTrainer = options.trainer === undefined;
  try {
    return await run(trainer, options);
  } catch (error) {
    if (ownsTrainer) trainer.dispose();
    throw error;
  }
}

async function run(trainer: VaeTrainerState, options: TrainVaeOptions): Promise<TrainVaeResult> {
  const { inputSize, batchSize, seed } = trainer.config;
  checkVaeDataset(options.data, inputSize, 'trainVae', 'data');
  if (options.testData) checkVaeDataset(options.testData, inputSize, 'trainVae', 'testData');
  const epochs = options.epochs ?? 10;
  if (!Number.isSafeInteger(epochs) || epochs < 0) throw new VaeError(`trainVae: epochs must be an integer ≥ 0, found ${epochs}`);
  const { data, signal } = options;
  const stepsPerEpoch = Math.ceil(data.count / batchSize);
  const started = performance.now();
  let trainedSamples = 0;
  let stopped = false;

  for (let epoch = Math.floor(trainer.stepCount / stepsPerEpoch); epoch < epochs && !stopped; epoch++) {
    const order = shuffledIndices(data.count, mixSeed(seed, epoch, 5));
    let epochSeconds = 0;
    let epochSamples = 0;
    for (let stepInEpoch = trainer.stepCount - epoch * stepsPerEpoch; stepInEpoch < stepsPerEpoch; stepInEpoch++) {
      if (signal?.aborted) {
        stopped = true;
        break;
      }
      const start = stepInEpoch * batchSize;
      const end = Math.min(data.count, start + batchSize);
      const stepStarted = performance.now();
      const batch = tf.tensor2d(gatherRows(data.images, order, start, end, inputSize), [end - start, inputSize]);
      let result: ReturnType<VaeTrainer['step']>;
      try {
        result = trainer.step(batch);
      } finally {
        batch.dispose();
      }
      epochSeconds += (performance.now() - stepStarted) / 1000;
      epochSamples += end - start;
      trainedSamples += end - start;
      options.onStep?.({
        step: trainer.stepCount - 1,
        ...result,
        epoch: epoch + 1,
        stepInEpoch,
        stepsPerEpoch,
        samplesPerSecond: trainedSamples / ((performance.now() - started) / 1000),
      });
      await yieldToEventLoop();
    }
    if (stopped) break;
    const record = epochRecord(trainer.history, epoch, stepsPerEpoch, epochSeconds, epochSamples);
    if (options.testData) {
      const test = await evaluateVae(trainer.vae, options.testData, { seed: mixSeed(seed, 0, 17) });
      record.testLoss = test.negativeElbo;
      record.testReconstruction = test.reconstruction;
      record.testKl = test.kl;
    }
    trainer.history.epochs.push(record);
    if (options.checkpointPath) await saveVaeCheckpoint(trainer, options.checkpointPath);
    await options.onEpoch?.(record);
    if (signal?.aborted) stopped = trainer.stepCount < epochs * stepsPerEpoch;
  }
  if (stopped && options.checkpointPath) await saveVaeCheckpoint(trainer, options.checkpointPath);
  return { trainer, history: trainer.history, stopped };
}

/** Averages of the epoch's steps from the history, so an epoch split by a resume averages the same. */
function epochRecord(history: VaeHistory, epoch: number, stepsPerEpoch: number, seconds: number, samples: number): VaeEpochRecord {
  const first = epoch * stepsPerEpoch;
  const steps = history.steps.filter((s) => s.step >= first && s.step < first + stepsPerEpoch);
  const mean = (pick: (s: VaeStepRecord) => number) => steps.reduce((sum, s) => sum + pick(s), 0) / steps.length;
  return {
    epoch: epoch + 1,
    steps: steps.length,
    trainLoss: mean((s) => s.loss),
    trainReconstruction: mean((s) => s.reconstruction),
    trainKl: mean((s) => s.kl),
    seconds,
    samplesPerSecond: seconds > 0 ? samples / seconds : 0,
  };
}

function shuffledIndices(count: number, seed: number): Uint32Array {
  const random = seededRandom(seed);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}
