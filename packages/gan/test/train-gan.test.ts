import { join } from 'node:path';
import { initBackend } from '@dlkit/backend';
import { tempDir } from '@dlkit/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  createGanTrainer,
  decodeGanCheckpoint,
  encodeGanCheckpoint,
  GanError,
  type GanTrainer,
  type GanTrainEvent,
  loadGanCheckpoint,
  restoreGanTrainer,
  trainGan,
} from '../src/node';
import { barImages, tinyConfig } from './_tiny';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

const data = barImages(72); // 4 steps per epoch at batch 16; the last 8 images are dropped

async function collect(events: AsyncIterable<GanTrainEvent>): Promise<GanTrainEvent[]> {
  const all: GanTrainEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

describe('trainGan', () => {
  test('reports every step and per-epoch averages, then ends', async () => {
    const trainer = createGanTrainer(tinyConfig);
    const before = tf.memory().numTensors;
    const events = await collect(trainGan(trainer, data, { epochs: 2 }));
    expect(tf.memory().numTensors).toBe(before);
    const steps = events.filter((e) => e.type === 'step');
    const epochs = events.filter((e) => e.type === 'epoch');
    expect(steps.map((e) => [e.epoch, e.step, e.stepInEpoch])).toEqual([
      [1, 1, 1],
      [1, 2, 2],
      [1, 3, 3],
      [1, 4, 4],
      [2, 5, 1],
      [2, 6, 2],
      [2, 7, 3],
      [2, 8, 4],
    ]);
    expect(steps[0]!.samplesPerSecond).toBeGreaterThan(0);
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
    const mean = steps.slice(4).reduce((sum, e) => sum + e.gLoss, 0) / 4;
    expect(epochs[1]!.gLoss).toBeCloseTo(mean, 10);
    expect(events.at(-1)).toEqual({ type: 'end', reason: 'completed', step: 8, epoch: 2 });
    expect(trainer.history.epochs).toEqual(epochs.map(({ type, ...record }) => record));
    trainer.dispose();
  });

  test('metrics are scored at each epoch end and kept in the history', async () => {
    const trainer = createGanTrainer(tinyConfig);
    const scoredAt: number[] = [];
    const metrics = {
      evaluate: async (t: GanTrainer) => {
        scoredAt.push(t.stepCount);
        return { fid: 100 / t.stepCount, mnistScore: 1 + t.stepCount / 10 };
      },
    };
    const events = await collect(trainGan(trainer, data, { epochs: 2, metrics }));
    expect(scoredAt).toEqual([4, 8]);
    const epochs = events.filter((e) => e.type === 'epoch');
    expect(epochs.map((e) => [e.fid, e.mnistScore])).toEqual([
      [25, 1.4],
      [12.5, 1.8],
    ]);
    expect(trainer.history.epochs.map((e) => e.fid)).toEqual([25, 12.5]);
    trainer.dispose();
  });

  test('an AbortSignal stops after the current step and checkpoints', async () => {
    const dir = tempDir('gan-abort-');
    const trainer = createGanTrainer(tinyConfig);
    const controller = new AbortController();
    const events: GanTrainEvent[] = [];
    for await (const event of trainGan(trainer, data, { epochs: 5, signal: controller.signal, checkpoint: dir })) {
      events.push(event);
      if (event.type === 'step' && event.step === 3) controller.abort();
    }
    expect(events.slice(-2)).toEqual([
      { type: 'checkpoint', path: join(dir, 'gan-checkpoint.bin'), step: 3 },
      { type: 'end', reason: 'aborted', step: 3, epoch: 0 },
    ]);
    const loaded = await loadGanCheckpoint(dir);
    expect(loaded.stepCount).toBe(3);
    loaded.dispose();
    trainer.dispose();
  });

  test('a diverging run stops with a clear message and keeps the last good checkpoint', async () => {
    const dir = tempDir('gan-nan-');
    const healthy = createGanTrainer(tinyConfig);
    await collect(trainGan(healthy, data, { maxSteps: 2, checkpoint: dir }));
    // The same run resumed with a learning rate that blows the weights up.
    const snapshot = healthy.snapshot();
    snapshot.config.learningRate = 1e30;
    const exploding = restoreGanTrainer(snapshot);
    const seen: number[] = [];
    const run = async () => {
      for await (const event of trainGan(exploding, data, { epochs: 5, checkpoint: dir, checkpointEvery: 1 })) {
        if (event.type === 'step') seen.push(event.step);
      }
    };
    const error = await run().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GanError);
    expect((error as GanError).kind).toBe('diverged');
    expect((error as GanError).message).toMatch(/^training diverged at step \d+ \(epoch 1\): (dLoss|gLoss|dReal|dFake)=(NaN|-?Infinity)/);
    const lastGood = seen.at(-1) ?? 2;
    expect((error as GanError).message).toContain(`at step ${lastGood + 1} `);
    if (seen.length > 0)
      expect((error as GanError).message).toContain(
        `the last good checkpoint, ${join(dir, 'gan-checkpoint.bin')} (step ${lastGood}), is kept`,
      );
    else expect((error as GanError).message).toContain(`no checkpoint was written in this run, so ${dir} is as it was`);
    const loaded = await loadGanCheckpoint(dir);
    expect(loaded.stepCount).toBe(lastGood);
    expect(loaded.history.steps.every((s) => Number.isFinite(s.dLoss) && Number.isFinite(s.gLoss))).toBe(true);
    expect(exploding.history.steps).toHaveLength(lastGood);
    for (const trainer of [healthy, exploding, loaded]) trainer.dispose();
  });

  test('the guard keeps the checkpoint written earlier in the same run', async () => {
    const dir = tempDir('gan-guard-');
    const inner = createGanTrainer(tinyConfig);
    // A trainer whose third step reports NaN, standing in for a run that diverges mid-way.
    const flaky: GanTrainer = Object.create(inner, {
      step: { value: (batch: tf.Tensor2D) => ({ ...inner.step(batch), ...(inner.stepCount === 3 ? { dLoss: Number.NaN } : {}) }) },
    });
    const failure = collect(trainGan(flaky, data, { epochs: 5, checkpoint: dir, checkpointEvery: 1 }));
    await expect(failure).rejects.toThrow(
      `training diverged at step 3 (epoch 1): dLoss=NaN; the last good checkpoint, ${join(dir, 'gan-checkpoint.bin')} (step 2), is kept`,
    );
    const loaded = await loadGanCheckpoint(dir);
    expect(loaded.stepCount).toBe(2);
    loaded.dispose();
    inner.dispose();
  });

  test('bad data and options get one clear GanError before any step', async () => {
    const trainer = createGanTrainer(tinyConfig);
    const outOfRange = barImages(32);
    outOfRange.images[70] = 2;
    await expect(collect(trainGan(trainer, outOfRange))).rejects.toThrow(/pixel 6 of image 1 is 2; images must be finite and in \[−1, 1\]/);
    await expect(collect(trainGan(trainer, { images: new Float32Array(100), count: 2 }))).rejects.toThrow(
      'expected 2 × 64 = 128 pixel values, found 100',
    );
    await expect(collect(trainGan(trainer, barImages(8)))).rejects.toThrow('8 images are fewer than one batch of 16');
    await expect(collect(trainGan(trainer, data, { epochs: 1.5 }))).rejects.toThrow('epochs must be an integer ≥ 0, found 1.5');
    expect(trainer.stepCount).toBe(0);
    await collect(trainGan(trainer, data, { maxSteps: 1 }));
    await expect(collect(trainGan(trainer, barImages(200)))).rejects.toThrow(
      'trainGan: this run trained on 72 images, the data now holds 200; resume with the same data',
    );
    // 76 images also make 4 steps of 16, but other batches: still refused, also after a checkpoint.
    const restored = restoreGanTrainer(decodeGanCheckpoint(encodeGanCheckpoint(trainer.snapshot())));
    expect(restored.imageCount).toBe(72);
    await expect(collect(trainGan(restored, barImages(76)))).rejects.toThrow('this run trained on 72 images, the data now holds 76');
    // A checkpoint from before the count was kept: only the steps per epoch can be checked.
    const older = trainer.snapshot();
    delete older.imageCount;
    const unknown = restoreGanTrainer(older);
    expect(unknown.imageCount).toBeNull();
    await expect(collect(trainGan(unknown, barImages(200)))).rejects.toThrow(/this run had 4 steps per epoch, the data now gives 12/);
    trainer.dispose();
    restored.dispose();
    unknown.dispose();
  });

  test('with a checkpoint function, a diverging run names the last checkpoint it returned', async () => {
    const inner = createGanTrainer(tinyConfig);
    const flaky: GanTrainer = Object.create(inner, {
      step: { value: (batch: tf.Tensor2D) => ({ ...inner.step(batch), ...(inner.stepCount === 3 ? { gLoss: Number.NaN } : {}) }) },
    });
    const checkpoint = async (_bytes: Uint8Array, step: number) => `idb://run/${step}`;
    await expect(collect(trainGan(flaky, data, { epochs: 5, checkpoint, checkpointEvery: 2 }))).rejects.toThrow(
      'training diverged at step 3 (epoch 1): gLoss=NaN; the last good checkpoint, idb://run/2 (step 2), is kept',
    );
    const fresh = createGanTrainer(tinyConfig);
    const failing: GanTrainer = Object.create(fresh, { step: { value: () => ({ dLoss: Number.NaN, gLoss: 0, dReal: 0, dFake: 0 }) } });
    await expect(collect(trainGan(failing, data, { checkpoint }))).rejects.toThrow('dLoss=NaN; no checkpoint was written in this run.');
    inner.dispose();
    fresh.dispose();
  });
});
