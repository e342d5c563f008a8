import { describe, expect, test } from 'vitest';
import { runEpochs, type StepDue, type TrainingEvent, trainingEvents } from '../src/index';

const plan = { count: 5, batchSize: 2, stepsPerEpoch: 3, seed: 3, shuffleStream: 1, epochs: 2 };

interface StepRecord {
  epoch: number;
  step: number;
  rows: number;
}

describe('trainingEvents(loop, { step, epochEnd })', () => {
  test("turns the loop's events into a trainer's: step records with progress and speed, epoch records, checkpoints and the end as they are", async () => {
    const seen: string[] = [];
    const model = {
      step: (due: StepDue): StepRecord => {
        seen.push(`step ${due.step}`);
        return { epoch: due.epoch, step: due.step, rows: due.indices.length };
      },
      epochEnd: async (epoch: number) => {
        seen.push(`epochEnd ${epoch}`);
        return { epoch, mean: epoch * 10 };
      },
    };
    const saveCheckpoint = async (step: number) => `at-${step}`;
    const events: TrainingEvent<StepRecord, { epoch: number; mean: number }>[] = [];
    for await (const event of trainingEvents(runEpochs({ ...plan, saveCheckpoint }), model)) events.push(event);
    expect(seen).toEqual(['step 1', 'step 2', 'step 3', 'epochEnd 1', 'step 4', 'step 5', 'step 6', 'epochEnd 2']);
    const [first, , third, epoch] = events;
    expect(first).toEqual({
      type: 'step',
      epoch: 1,
      step: 1,
      rows: 2,
      stepInEpoch: 1,
      stepsPerEpoch: 3,
      samplesPerSecond: expect.any(Number),
    });
    expect(third).toMatchObject({ type: 'step', step: 3, rows: 1, stepInEpoch: 3 });
    expect(events.filter((event) => event.type === 'step').every((event) => event.samplesPerSecond > 0)).toBe(true);
    expect(epoch).toEqual({ type: 'epoch', epoch: 1, mean: 10 });
    expect(events.slice(-4)).toEqual([
      expect.objectContaining({ type: 'step', step: 6 }),
      { type: 'epoch', epoch: 2, mean: 20 },
      { type: 'checkpoint', path: 'at-6', step: 6 },
      { type: 'end', reason: 'completed', step: 6, epoch: 2 },
    ]);
  });

  test('an error from the model ends the run: nothing more is written and the error comes out as it is', async () => {
    const saved: number[] = [];
    const saveCheckpoint = async (step: number) => {
      saved.push(step);
      return `at-${step}`;
    };
    const diverged = new Error('diverged');
    const model = {
      step: (due: StepDue) => {
        if (due.step === 5) throw diverged;
        return { epoch: due.epoch, step: due.step };
      },
      epochEnd: (epoch: number) => ({ epoch }),
    };
    const run = async () => {
      for await (const _ of trainingEvents(runEpochs({ ...plan, saveCheckpoint, checkpointEvery: 1 }), model)) {
        // every event consumed
      }
    };
    await expect(run()).rejects.toBe(diverged);
    expect(saved).toEqual([1, 2, 3, 4]);
  });
});
