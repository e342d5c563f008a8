import * as tf from '@tensorflow/tfjs-core';
import { checkVaeDataset, gatherRows } from './_check-dataset';
import { deriveSeed, shuffledIndices } from '@dlkit/random';
import { randomStream } from './_random-stream';
import type { VaeTrainerState } from './_vae-trainer';
import type { VaeTrainer } from './create-vae-trainer';
import { evaluateVae } from './evaluate-vae';
import { saveVaeCheckpoint } from './vae-checkpoint';
import type { VaeDataset } from './vae-dataset';
import { VaeError } from './vae-error';
import { vaeStepsPerEpoch } from './vae-steps-per-epoch';
import type { VaeEpochRecord, VaeStepRecord } from './vae-history';

/** How long to train, how to stop, where to checkpoint and what to evaluate; all optional. */
export interface TrainVaeOptions {
  /** Train until this many epochs are done in all, resumed ones included (default 1). */
  epochs?: number;
  /** Stop once the trainer has done this many steps in all. */
  maxSteps?: number;
  /** Stops training cleanly after the current step (a checkpoint is written first if configured). */
  signal?: AbortSignal;
  /** Checkpoint file, written atomically at each epoch's end, every `checkpointEvery` steps and on stopping. */
  checkpoint?: string;
  /** Also checkpoint every this many steps. */
  checkpointEvery?: number;
  /** Held-out images: −ELBO and its terms on them go into each epoch's record. */
  testData?: VaeDataset;
}

/** One training step as reported (`step` global and 1-based, `epoch` 1-based). */
export interface VaeStepEvent extends VaeStepRecord {
  type: 'step';
  /** 1-based. */
  stepInEpoch: number;
  stepsPerEpoch: number;
  /** Images per second through this step (measured around trainer.step). */
  samplesPerSecond: number;
}

/** An epoch's end: the averages (and test numbers) appended to the history. */
export interface VaeEpochEvent extends VaeEpochRecord {
  type: 'epoch';
}

/** A checkpoint was written. */
export interface VaeCheckpointEvent {
  type: 'checkpoint';
  path: string;
  step: number;
}

/** Training stopped: done, asked to stop, or the step budget reached. Always the last event. */
export interface VaeEndEvent {
  type: 'end';
  reason: 'completed' | 'aborted' | 'max-steps';
  step: number;
  epoch: number;
}

/** What trainVae yields: steps, epoch ends, checkpoints, and one final 'end'. */
export type VaeTrainEvent = VaeStepEvent | VaeEpochEvent | VaeCheckpointEvent | VaeEndEvent;

/**
 * Trains `trainer` on `data` (pixels in [0, 1]) in shuffled mini-batches of `config.batchSize` (the last
 * one of an epoch may be smaller, as in the PyTorch example), reporting every step and epoch as events;
 * it draws nothing and logs nothing (the same conventions as trainGan). Batch order and noise derive
 * from the config's seed, the epoch and the step, so a run resumed from a checkpoint (even one written
 * mid-epoch) continues exactly as an uninterrupted one. A NaN or infinite loss throws a VaeError of kind
 * 'diverged' without overwriting the last good checkpoint.
 * @example
 * const trainer = createVaeTrainer();
 * for await (const event of trainVae(trainer, train, { epochs: 10, testData: test, signal })) {
 *   if (event.type === 'epoch') console.log(event.epoch, event.trainLoss, event.testLoss);
 * }
 */
export async function* trainVae(trainer: VaeTrainer, data: VaeDataset, options: TrainVaeOptions = {}): AsyncGenerator<VaeTrainEvent, void> {
  const state = trainer as VaeTrainerState;
  if (!state || typeof state.step !== 'function' || state.vae?.isDisposed !== false) {
    throw new VaeError('trainVae: trainer must be a live VaeTrainer from createVaeTrainer or loadVaeCheckpoint');
  }
  const { epochs = 1, maxSteps, signal, checkpoint, checkpointEvery, testData } = options;
  checkCount('epochs', epochs, 0);
  if (maxSteps !== undefined) checkCount('maxSteps', maxSteps, 0);
  if (checkpointEvery !== undefined) checkCount('checkpointEvery', checkpointEvery, 1);
  const { inputSize, batchSize, seed } = state.config;
  checkVaeDataset(data, inputSize, 'trainVae', 'data');
  if (testData !== undefined) checkVaeDataset(testData, inputSize, 'trainVae', 'testData');
  const stepsPerEpoch = vaeStepsPerEpoch(data.count, batchSize);
  if (state.stepsPerEpoch !== null && state.stepsPerEpoch !== stepsPerEpoch) {
    throw new VaeError(
      `trainVae: this run had ${state.stepsPerEpoch} steps per epoch, the data now gives ${stepsPerEpoch} (${data.count} images, batch ${batchSize}); resume with the same data`,
    );
  }
  state.stepsPerEpoch = stepsPerEpoch;

  let savedStep = -1;
  let lastGood: { path: string; step: number } | undefined;
  const save = async (): Promise<VaeCheckpointEvent | undefined> => {
    if (!checkpoint || savedStep === state.stepCount) return undefined;
    const path = await saveVaeCheckpoint(state, checkpoint);
    savedStep = state.stepCount;
    lastGood = { path, step: savedStep };
    return { type: 'checkpoint', path, step: savedStep };
  };
  const end = async function* (reason: VaeEndEvent['reason']): AsyncGenerator<VaeTrainEvent> {
    const saved = await save();
    if (saved) yield saved;
    yield { type: 'end', reason, step: state.stepCount, epoch: Math.floor(state.stepCount / stepsPerEpoch) };
  };

  let order: Uint32Array | undefined;
  let orderEpoch = -1;
  for (;;) {
    const done = state.stepCount;
    if (maxSteps !== undefined && done >= maxSteps) return yield* end('max-steps');
    const epochIndex = Math.floor(done / stepsPerEpoch);
    if (epochIndex >= epochs) return yield* end('completed');
    if (signal?.aborted) return yield* end('aborted');
    if (orderEpoch !== epochIndex) {
      order = shuffledIndices(data.count, deriveSeed(seed, randomStream.shuffle, epochIndex));
      orderEpoch = epochIndex;
    }
    const position = done % stepsPerEpoch;
    const start = position * batchSize;
    const stop = Math.min(data.count, start + batchSize);
    const started = performance.now();
    const batch = tf.tensor2d(gatherRows(data.images, order!, start, stop, inputSize), [stop - start, inputSize]);
    let result: ReturnType<VaeTrainer['step']>;
    try {
      result = state.step(batch);
    } catch (error) {
      if (error instanceof VaeError && error.kind === 'diverged') {
        const kept = lastGood
          ? `the last good checkpoint, ${lastGood.path} (step ${lastGood.step}), is kept`
          : checkpoint
            ? `no checkpoint was written in this run, so ${checkpoint} is as it was`
            : 'no checkpoint was configured';
        throw new VaeError(
          `trainVae: training diverged at epoch ${epochIndex + 1}, ${error.message}; ${kept}. Lower the learning rate or check the data.`,
          { kind: 'diverged', cause: error },
        );
      }
      throw error;
    } finally {
      batch.dispose();
    }
    const seconds = (performance.now() - started) / 1000;
    const record: VaeStepRecord = { epoch: epochIndex + 1, step: done + 1, ...result };
    state.history.steps.push(record);
    yield { type: 'step', ...record, stepInEpoch: position + 1, stepsPerEpoch, samplesPerSecond: (stop - start) / seconds };

    if (state.stepCount % stepsPerEpoch === 0) {
      const epochRecord = averageEpoch(state.history.steps, epochIndex + 1);
      if (testData) {
        const test = await evaluateVae(state.vae, testData, { seed: deriveSeed(seed, randomStream.testEvaluation, 0) });
        epochRecord.testLoss = test.negativeElbo;
        epochRecord.testReconstruction = test.reconstruction;
        epochRecord.testKl = test.kl;
      }
      state.history.epochs.push(epochRecord);
      yield { type: 'epoch', ...epochRecord };
      const saved = await save();
      if (saved) yield saved;
    } else if (checkpointEvery !== undefined && state.stepCount % checkpointEvery === 0) {
      const saved = await save();
      if (saved) yield saved;
    }
    // Let timers and signal handlers (Ctrl-C) run between the synchronous steps.
    await new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
  }
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

function checkCount(name: string, value: unknown, min: number): void {
  if (!Number.isSafeInteger(value) || (value as number) < min)
    throw new VaeError(`trainVae: ${name} must be an integer ≥ ${min}, found ${String(value)}`);
}
