import { deriveSeed } from '@dlkit/random';
import { checkpointOptions, runEpochs, type StepDue, trainingEvents } from '@dlkit/training';
import * as tf from '@tensorflow/tfjs-core';
import { checkVaeDataset, gatherRows } from './_check-dataset';
import { randomStream } from './_random-stream';
import type { VaeTrainerState } from './_vae-trainer';
import type { VaeTrainer } from './create-vae-trainer';
import { evaluateVae } from './evaluate-vae';
import { encodeVaeCheckpoint } from './vae-checkpoint-bytes';
import type { VaeDataset } from './vae-dataset';
import { VaeError } from './vae-error';
import type { VaeEpochRecord, VaeStepRecord, VaeTrainEvent } from './vae-history';
import { vaeStepsPerEpoch } from './vae-steps-per-epoch';

import type { TrainVaeOptions } from './train-vae';

/** Writes a checkpoint file for a path (Node's saveVaeCheckpoint); none where there is no file system. */
export type CheckpointFileWriter = (trainer: VaeTrainer, path: string) => Promise<string>;

/** trainVae's work, with the file writer of the platform (the main entry has none; Node's passes saveVaeCheckpoint). */
export async function* trainVaeWith(
  writeFile: CheckpointFileWriter | undefined,
  trainer: VaeTrainer,
  data: VaeDataset,
  options: TrainVaeOptions,
): AsyncGenerator<VaeTrainEvent, void> {
  if (typeof options.checkpoint === 'string' && options.checkpoint !== '' && !writeFile) {
    throw new VaeError(
      `trainVae: checkpoint ${JSON.stringify(options.checkpoint)} is a file path, written only in Node ('@dlkit/vae' there, or '@dlkit/vae/node'); here pass a CheckpointSink, (bytes, step) => where they went`,
      { kind: 'input' },
    );
  }
  const state = trainer as VaeTrainerState;
  if (!state || typeof state.step !== 'function' || state.vae?.isDisposed !== false) {
    throw new VaeError('trainVae: trainer must be a live VaeTrainer from createVaeTrainer or loadVaeCheckpoint');
  }
  const { testData } = options;
  const { inputSize, batchSize, seed } = state.config;
  checkVaeDataset(data, inputSize, 'trainVae', 'data');
  if (testData !== undefined) checkVaeDataset(testData, inputSize, 'trainVae', 'testData');
  const stepsPerEpoch = vaeStepsPerEpoch(data.count, batchSize);
  const loop = runEpochs({
    ...options,
    ...checkpointOptions(options.checkpoint, {
      toPath: (path) => writeFile!(state, path),
      toBytes: () => encodeVaeCheckpoint(state),
    }),
    count: data.count,
    batchSize,
    stepsPerEpoch,
    seed,
    shuffleStream: randomStream.shuffle,
    startStep: state.stepCount,
    resumedStepsPerEpoch: state.stepsPerEpoch,
    resumedCount: state.imageCount,
    itemName: 'images',
    invalid: (message) => new VaeError(`trainVae: ${message}`),
  });
  state.stepsPerEpoch = stepsPerEpoch;
  state.imageCount = data.count;

  const step = (due: StepDue): VaeStepRecord => {
    const batch = tf.tensor2d(gatherRows(data.images, due.indices, inputSize), [due.indices.length, inputSize]);
    let result: ReturnType<VaeTrainer['step']>;
    try {
      result = state.step(batch);
    } catch (error) {
      if (!(error instanceof VaeError && error.kind === 'diverged')) throw error;
      throw new VaeError(
        `trainVae: training diverged at epoch ${due.epoch}, ${error.message}; ${due.keptCheckpoint()}. Lower the learning rate or check the data.`,
        { kind: 'diverged', cause: error },
      );
    } finally {
      batch.dispose();
    }
    const record: VaeStepRecord = { epoch: due.epoch, step: due.step, ...result };
    state.history.steps.push(record);
    return record;
  };
  const epochEnd = async (epoch: number): Promise<VaeEpochRecord> => {
    const record = averageEpoch(state.history.steps, epoch);
    if (testData) {
      const test = await evaluateVae(state.vae, testData, { seed: deriveSeed(seed, randomStream.testEvaluation, 0) });
      record.testLoss = test.negativeElbo;
      record.testReconstruction = test.reconstruction;
      record.testKl = test.kl;
    }
    state.history.epochs.push(record);
    return record;
  };
  yield* trainingEvents(loop, { step, epochEnd });
}

/** Averages of the epoch's steps from the history, so an epoch split by a resume averages the same. */
function averageEpoch(steps: readonly VaeStepRecord[], epoch: number): VaeEpochRecord {
  const mine = steps.filter((s) => s.epoch === epoch);
  const mean = (pick: (s: VaeStepRecord) => number) => mine.reduce((sum, s) => sum + pick(s), 0) / mine.length;
  return {
    epoch,
    steps: mine.length,
    trainLoss: mean((s) => s.loss),
    trainReconstruction: mean((s) => s.reconstruction),
    trainKl: mean((s) => s.kl),
  };
}
