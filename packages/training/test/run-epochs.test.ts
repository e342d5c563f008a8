import { deriveSeed, shuffledIndices } from '@dlkit/random';
import { describe, expect, test } from 'vitest';
import { type RunEpochsEvent, type RunEpochsOptions, runEpochs } from '../src/index';

const plan: RunEpochsOptions = { count: 10, batchSize: 4, stepsPerEpoch: 3, seed: 7, shuffleStream: 5, epochs: 2 };

/** Runs the loop, taking every step (nothing to do) and recording the events in a compact form. */
async function run(options: RunEpochsOptions, onStep?: (event: RunEpochsEvent & { type: 'step' }) => void): Promise<string[]> {
  const seen: string[] = [];
  for await (const event of runEpochs(options)) {
    if (event.type === 'step') {
      seen.push(`step ${event.step} e${event.epoch} ${event.stepInEpoch}/${event.stepsPerEpoch} [${event.indices.join(',')}]`);
      onStep?.(event);
    } else if (event.type === 'epoch') seen.push(`epoch ${event.epoch}`);
    else if (event.type === 'checkpoint') seen.push(`checkpoint ${event.path} ${event.step}`);
    else seen.push(`end ${event.reason} ${event.step} e${event.epoch}`);
  }
  return seen;
}

/** A saveCheckpoint that records the step it was called at, resolving to `at-STEP`. */
function saver(): { saveCheckpoint: (step: number) => Promise<string>; calls: number[] } {
  const calls: number[] = [];
  const saveCheckpoint = async (step: number) => {
    calls.push(step);
    return `at-${step}`;
  };
  return { saveCheckpoint, calls };
}

describe('runEpochs(options)', () => {
  test('visits each epoch in the order shuffledIndices(count, deriveSeed(seed, shuffleStream, epoch)), the last batch clipped', async () => {
    const events = await run(plan);
    const order = (epoch: number) => Array.from(shuffledIndices(10, deriveSeed(7, 5, epoch)));
    const batches = (epoch: number) => [order(epoch).slice(0, 4), order(epoch).slice(4, 8), order(epoch).slice(8)];
    expect(events).toEqual([
      ...batches(0).map((rows, i) => `step ${i + 1} e1 ${i + 1}/3 [${rows.join(',')}]`),
      'epoch 1',
      ...batches(1).map((rows, i) => `step ${i + 4} e2 ${i + 1}/3 [${rows.join(',')}]`),
      'epoch 2',
      'end completed 6 e2',
    ]);
    expect(order(0)).not.toEqual(order(1));
  });

  test('with ⌊count / batchSize⌋ steps per epoch every batch is full and the rest of the order waits', async () => {
    const events = await run({ ...plan, stepsPerEpoch: 2, epochs: 1 });
    const order = Array.from(shuffledIndices(10, deriveSeed(7, 5, 0)));
    expect(events).toEqual([
      `step 1 e1 1/2 [${order.slice(0, 4).join(',')}]`,
      `step 2 e1 2/2 [${order.slice(4, 8).join(',')}]`,
      'epoch 1',
      'end completed 2 e1',
    ]);
  });

  test.each([1, 2, 4, 5])('resumed at step %i (mid-epoch or not) gives the steps an uninterrupted run gives', async (startStep) => {
    const straight = await run({ ...plan, epochs: 3 });
    const resumed = await run({ ...plan, epochs: 3, startStep, resumedStepsPerEpoch: 3 });
    const firstResumed = straight.findIndex((line) => line.startsWith(`step ${startStep + 1} `));
    expect(resumed).toEqual(straight.slice(firstResumed));
  });

  test('maxSteps ends with reason max-steps; reaching epochs, completed; 0 of either ends before any step', async () => {
    expect((await run({ ...plan, maxSteps: 4 })).slice(-3)).toEqual([
      'epoch 1',
      expect.stringMatching(/^step 4 e2 1\/3 /),
      'end max-steps 4 e1',
    ]);
    expect(await run({ ...plan, maxSteps: 0 })).toEqual(['end max-steps 0 e0']);
    expect(await run({ ...plan, epochs: 0 })).toEqual(['end completed 0 e0']);
    expect(await run({ ...plan, startStep: 6 })).toEqual(['end completed 6 e2']);
    expect(await run({ ...plan, startStep: 5, maxSteps: 5 })).toEqual(['end max-steps 5 e1']);
  });

  test('an aborted signal stops after the current step; one aborted before starts no step', async () => {
    const controller = new AbortController();
    const events = await run({ ...plan, signal: controller.signal }, (step) => {
      if (step.step === 2) controller.abort();
    });
    expect(events.slice(-2)).toEqual([expect.stringMatching(/^step 2 /), 'end aborted 2 e0']);
    expect(await run({ ...plan, signal: AbortSignal.abort() })).toEqual(['end aborted 0 e0']);
  });

  test('gives timers a turn between steps, so a timer can abort a loop whose steps never await', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 0);
    const events = await run({ ...plan, epochs: 1_000_000, signal: controller.signal });
    expect(events.at(-1)).toMatch(/^end aborted \d+ e\d+$/);
    expect(events.length).toBeLessThan(100_000); // of 3 million steps
  });

  test('checkpoints (given the step) after each epoch, every checkpointEvery steps between, and on stopping, never twice for one step', async () => {
    const { saveCheckpoint, calls } = saver();
    const events = await run({ ...plan, epochs: 3, maxSteps: 8, checkpointEvery: 2, saveCheckpoint });
    expect(events.filter((line) => !line.startsWith('step '))).toEqual([
      'checkpoint at-2 2',
      'epoch 1',
      'checkpoint at-3 3',
      'checkpoint at-4 4',
      'epoch 2',
      'checkpoint at-6 6',
      'checkpoint at-8 8',
      'end max-steps 8 e2',
    ]);
    expect(calls).toEqual([2, 3, 4, 6, 8]);
    // Stopping right after an epoch's checkpoint does not write the same step again.
    const again = saver();
    expect((await run({ ...plan, saveCheckpoint: again.saveCheckpoint })).slice(-3)).toEqual([
      'epoch 2',
      'checkpoint at-6 6',
      'end completed 6 e2',
    ]);
    expect(again.calls).toEqual([3, 6]);
  });

  test('the checkpoint comes after the epoch event, once the caller has asked for the next event', async () => {
    const order: string[] = [];
    const saveCheckpoint = async () => {
      order.push('save');
      return 'x';
    };
    for await (const event of runEpochs({ ...plan, epochs: 1, saveCheckpoint })) order.push(event.type);
    expect(order).toEqual(['step', 'step', 'step', 'epoch', 'save', 'checkpoint', 'end']);
  });

  test('keptCheckpoint() says which checkpoint a failure now leaves behind', async () => {
    const kept = async (options: Partial<RunEpochsOptions>, atStep: number) => {
      for await (const event of runEpochs({ ...plan, checkpointEvery: 1, ...options })) {
        if (event.type === 'step' && event.step === atStep) return event.keptCheckpoint();
      }
      throw new Error('unreachable');
    };
    expect(await kept({}, 2)).toBe('no checkpoint was configured');
    const saveCheckpoint = async () => 'out/run.bin';
    expect(await kept({ saveCheckpoint, checkpointTarget: 'out/' }, 1)).toBe('no checkpoint was written in this run, so out/ is as it was');
    expect(await kept({ saveCheckpoint }, 1)).toBe('no checkpoint was written in this run');
    expect(await kept({ saveCheckpoint, checkpointTarget: 'out/' }, 3)).toBe('the last good checkpoint, out/run.bin (step 2), is kept');
    expect(await kept({ saveCheckpoint, startStep: 4, resumedStepsPerEpoch: 3 }, 6)).toBe(
      'the last good checkpoint, out/run.bin (step 5), is kept',
    );
  });

  test('a failing saveCheckpoint ends the loop with its own error; one resolving to no string is invalid', async () => {
    const full = new Error('disk full');
    await expect(run({ ...plan, saveCheckpoint: () => Promise.reject(full) })).rejects.toBe(full);
    const nothing = (async () => undefined) as unknown as () => Promise<string>;
    await expect(run({ ...plan, saveCheckpoint: nothing })).rejects.toThrow(
      new RangeError('saving a checkpoint must resolve to where it went (a string), found undefined'),
    );
  });

  test('bad options throw invalid(message) when called, before any event', () => {
    class MyError extends Error {}
    const invalid = (message: string) => new MyError(`myTrain: ${message}`);
    const bad = (options: Partial<RunEpochsOptions>) => () => runEpochs({ ...plan, invalid, ...options });
    expect(bad({ epochs: 1.5 })).toThrow(new MyError('myTrain: epochs must be an integer ≥ 0, found 1.5'));
    expect(bad({ maxSteps: -1 })).toThrow('myTrain: maxSteps must be an integer ≥ 0, found -1');
    expect(bad({ checkpointEvery: 0 })).toThrow('myTrain: checkpointEvery must be an integer ≥ 1, found 0');
    expect(bad({ count: 0 })).toThrow('myTrain: count must be an integer ≥ 1, found 0');
    expect(bad({ batchSize: Number.NaN })).toThrow('myTrain: batchSize must be an integer ≥ 1, found NaN');
    expect(bad({ startStep: -2 })).toThrow('myTrain: startStep must be an integer ≥ 0, found -2');
    expect(bad({ seed: 0.5 })).toThrow('myTrain: seed must be a safe integer, found 0.5');
    expect(bad({ stepsPerEpoch: 4 })).toThrow('myTrain: stepsPerEpoch must be an integer from 1 to ⌈10 / 4⌉ = 3, found 4');
    expect(bad({ resumedStepsPerEpoch: 2, itemName: 'images' })).toThrow(
      'myTrain: this run had 2 steps per epoch, the data now gives 3 (10 images, batch 4); resume with the same data',
    );
    expect(() => runEpochs({ ...plan, epochs: -1 })).toThrow(new RangeError('epochs must be an integer ≥ 0, found -1'));
    expect(bad({ resumedStepsPerEpoch: null })).not.toThrow();
    // 11 examples also make 3 steps of 4, but other epochs: another run's data.
    expect(bad({ count: 11, resumedCount: 10, resumedStepsPerEpoch: 3, itemName: 'images' })).toThrow(
      'myTrain: this run trained on 10 images, the data now holds 11; resume with the same data',
    );
    expect(bad({ resumedCount: null, resumedStepsPerEpoch: 3 })).not.toThrow();
    expect(bad({ resumedCount: 10, resumedStepsPerEpoch: 3 })).not.toThrow();
  });
});
