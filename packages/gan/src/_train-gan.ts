import { checkpointOptions, runEpochs, type StepDue, trainingEvents } from '@dlkit/training';
import * as tf from '@tensorflow/tfjs-core';
import { randomStream } from './_random-stream';
import { encodeGanCheckpoint } from './gan-checkpoint-bytes';
import { GanError } from './gan-error';
import type { GanEpochRecord, GanStepRecord, GanTrainEvent } from './gan-history';
import { ganStepsPerEpoch } from './gan-steps-per-epoch';
import type { GanTrainer } from './gan-trainer';
import { checkClasses } from './_classes';
import type { GanImages, TrainGanOptions } from './train-gan';

/** Writes a checkpoint file for a path (Node's saveGanCheckpoint); none where there is no file system. */
export type CheckpointFileWriter = (trainer: GanTrainer, path: string) => Promise<string>;

/** trainGan's work, with the file writer of the platform (the main entry has none; Node's passes saveGanCheckpoint). */
export async function* trainGanWith(
  writeFile: CheckpointFileWriter | undefined,
  trainer: GanTrainer,
  data: GanImages,
  options: TrainGanOptions,
): AsyncGenerator<GanTrainEvent, void> {
  if (typeof options.checkpoint === 'string' && options.checkpoint !== '' && !writeFile) {
    throw new GanError(
      `trainGan: checkpoint ${JSON.stringify(options.checkpoint)} is a file path, written only in Node ('@dlkit/gan' there, or '@dlkit/gan/node'); here pass a CheckpointSink, (bytes, step) => where they went`,
      { kind: 'input' },
    );
  }
  const [height, width] = trainer.config.imageShape;
  const pixels = height * width;
  checkImages(data, pixels);
  const labels = trainer.config.classCount > 0 ? checkLabels(data, trainer.config.classCount) : undefined;
  const { batchSize, seed } = trainer.config;
  if (data.count < batchSize)
    throw new GanError(`trainGan: ${data.count} images are fewer than one batch of ${batchSize}`, { kind: 'input' });
  const stepsPerEpoch = ganStepsPerEpoch(data.count, batchSize);
  const loop = runEpochs({
    ...options,
    ...checkpointOptions(options.checkpoint, {
      toPath: (path) => writeFile!(trainer, path),
      toBytes: () => encodeGanCheckpoint(trainer.snapshot()),
    }),
    count: data.count,
    batchSize,
    stepsPerEpoch,
    seed,
    shuffleStream: randomStream.shuffle,
    startStep: trainer.stepCount,
    resumedStepsPerEpoch: trainer.stepsPerEpoch,
    resumedCount: trainer.imageCount,
    itemName: 'images',
    invalid: (message) => new GanError(`trainGan: ${message}`, { kind: 'input' }),
  });
  trainer.stepsPerEpoch = stepsPerEpoch;
  trainer.imageCount = data.count;

  const batchValues = new Float32Array(batchSize * pixels);
  const batchLabels = new Int32Array(batchSize);
  const step = (due: StepDue): GanStepRecord => {
    for (const [i, image] of due.indices.entries()) {
      batchValues.set(data.images.subarray(image * pixels, (image + 1) * pixels), i * pixels);
      if (labels) batchLabels[i] = labels[image]!;
    }
    const real = tf.tensor2d(batchValues, [batchSize, pixels]);
    let losses: ReturnType<GanTrainer['step']>;
    try {
      losses = labels ? trainer.step(real, batchLabels) : trainer.step(real);
    } finally {
      real.dispose();
    }
    const record: GanStepRecord = { epoch: due.epoch, step: due.step, ...losses };
    const bad = (['dLoss', 'gLoss', 'dReal', 'dFake'] as const).filter((key) => !Number.isFinite(losses[key]));
    if (bad.length > 0) {
      const values = bad.map((key) => `${key}=${losses[key]}`).join(', ');
      throw new GanError(
        `training diverged at step ${record.step} (epoch ${record.epoch}): ${values}; ${due.keptCheckpoint()}. Lower the learning rate or check the data.`,
        { kind: 'diverged' },
      );
    }
    trainer.history.steps.push(record);
    return record;
  };
  const epochEnd = async (epoch: number): Promise<GanEpochRecord> => {
    const record = averageEpoch(trainer, epoch, stepsPerEpoch);
    if (options.metrics) Object.assign(record, await options.metrics.evaluate(trainer));
    trainer.history.epochs.push(record);
    return record;
  };
  yield* trainingEvents(loop, { step, epochEnd });
}

function averageEpoch(trainer: GanTrainer, epoch: number, stepsPerEpoch: number): GanEpochRecord {
  const steps = trainer.history.steps.slice(-stepsPerEpoch).filter((record) => record.epoch === epoch);
  const mean = (key: 'dLoss' | 'gLoss' | 'dReal' | 'dFake') => steps.reduce((sum, record) => sum + record[key], 0) / steps.length;
  return { epoch, steps: steps.length, dLoss: mean('dLoss'), gLoss: mean('gLoss'), dReal: mean('dReal'), dFake: mean('dFake') };
}

/** A conditional GAN's training labels, all checked up front so a bad one cannot stop a run midway. */
function checkLabels(data: GanImages, classCount: number): Int32Array {
  const { labels } = data;
  if (labels === undefined || labels === null || typeof labels !== 'object' || labels.length !== data.count) {
    const found = labels && typeof labels === 'object' && 'length' in labels ? `${labels.length} labels` : 'none';
    throw new GanError(
      `trainGan: this GAN is class-conditional (config.classCount ${classCount}) and needs data.labels, one class per image (${data.count}), found ${found}`,
      { kind: 'input' },
    );
  }
  return checkClasses(labels, data.count, classCount, 'trainGan: data.labels', true)!;
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
