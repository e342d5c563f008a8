import type { CheckpointWritten, RunEpochsEvent, StepDue, TrainingEnd } from './run-epochs';

/** A step as a dlkit trainer reports it: its record `R` (epoch, global step, losses), where it stands in the epoch, and how fast it ran. */
export type StepEvent<R> = R & {
  type: 'step';
  /** 1-based. */
  stepInEpoch: number;
  stepsPerEpoch: number;
  /** Examples per second through this step (the batch's rows over the time the model's step took). */
  samplesPerSecond: number;
};

/** An epoch's end as a dlkit trainer reports it: its record `R` (the averages appended to the history). */
export type EpochEvent<R> = R & { type: 'epoch' };

/**
 * What a dlkit training loop (trainGan, trainVae) yields: steps, epoch ends, checkpoints, and one final
 * 'end', with the model's step record `S` and epoch record `E`.
 */
export type TrainingEvent<S, E> = StepEvent<S> | EpochEvent<E> | CheckpointWritten | TrainingEnd;

/** What a model does in {@link trainingEvents}: take a step, and sum up an epoch. */
export interface TrainingSteps<S, E> {
  /** Takes `due` (trains on rows `due.indices`), records it in the trainer's history and returns the record; throws to stop. */
  step(due: StepDue): S;
  /** Sums up epoch `epoch` (1-based) just ended, records it in the trainer's history and returns the record. */
  epochEnd(epoch: number): E | Promise<E>;
}

/**
 * A trainer's events from {@link runEpochs}' events: each due step goes to `model.step` (timed, for
 * `samplesPerSecond`) and comes out as a step event with its record, each epoch's end as an epoch event with
 * `model.epochEnd`'s record; checkpoints and the end pass as they are. An error from the model ends the run
 * (the loop writes nothing more).
 * @example
 * const loop = runEpochs({ count, batchSize, stepsPerEpoch, seed, shuffleStream: 6, epochs: 5 });
 * yield* trainingEvents(loop, { step: (due) => myStep(due.indices), epochEnd: (epoch) => myEpochAverages(epoch) });
 */
export async function* trainingEvents<S, E>(
  loop: AsyncIterable<RunEpochsEvent>,
  model: TrainingSteps<S, E>,
): AsyncGenerator<TrainingEvent<S, E>, void> {
  for await (const event of loop) {
    if (event.type === 'step') {
      const started = performance.now();
      const record = model.step(event);
      const seconds = (performance.now() - started) / 1000;
      const { stepInEpoch, stepsPerEpoch } = event;
      yield { type: 'step', ...record, stepInEpoch, stepsPerEpoch, samplesPerSecond: event.indices.length / seconds };
    } else if (event.type === 'epoch') {
      yield { type: 'epoch', ...(await model.epochEnd(event.epoch)) };
    } else yield event;
  }
}
