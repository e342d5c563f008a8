import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { initBackend } from '@dlkit/backend';
import { tempDir } from '@dlkit/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createVaeTrainer, loadVaeCheckpoint, trainVae, type VaeCheckpointEvent, type VaeTrainEvent, type VaeTrainer } from '../src/node';
import { config, all, train, test_, weightsOf, losses, collect, trained } from './_tiny-vae-run';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

describe('trainVae', () => {
  test('yields every step, epoch and the end; records per-epoch train and test −ELBO; leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const trainer = createVaeTrainer(config);
    const events = await collect(trainVae(trainer, train, { epochs: 3, testData: test_ }));
    const steps = events.filter((e) => e.type === 'step');
    expect(steps.map((e) => [e.epoch, e.stepInEpoch, e.step])).toEqual(
      [1, 2, 3].flatMap((epoch) => [1, 2, 3, 4, 5].map((i) => [epoch, i, (epoch - 1) * 5 + i])),
    );
    expect(events.filter((e) => e.type !== 'step').map((e) => e.type)).toEqual(['epoch', 'epoch', 'epoch', 'end']);
    expect(events.at(-1)).toEqual({ type: 'end', reason: 'completed', step: 15, epoch: 3 });
    const history = trainer.history;
    expect(history.steps).toHaveLength(15);
    expect(history.epochs.map((e) => e.steps)).toEqual([5, 5, 5]);
    const [first, , last] = history.epochs;
    expect(last!.trainLoss).toBeLessThan(first!.trainLoss);
    expect(last!.testLoss).toBeLessThan(first!.testLoss!);
    expect(last!.testLoss).toBeCloseTo(last!.testReconstruction! + last!.testKl!, 3);
    expect(trainer.stepsPerEpoch).toBe(5);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('the same seed gives the same loss history, bit for bit', async () => {
    const a = await trained(2);
    const b = await trained(2);
    expect(losses(a)).toEqual(losses(b));
    expect(await weightsOf(a)).toEqual(await weightsOf(b));
    a.dispose();
    b.dispose();
  });

  test('stopping mid-epoch writes a checkpoint, and resuming from it continues exactly as an uninterrupted run', async () => {
    const folder = tempDir('dlkit-vae-');
    const checkpoint = join(folder, 'run', 'vae.json');
    const controller = new AbortController();
    const partial = createVaeTrainer(config);
    const events: VaeTrainEvent[] = [];
    for await (const event of trainVae(partial, train, { epochs: 3, testData: test_, checkpoint, signal: controller.signal })) {
      events.push(event);
      if (event.type === 'step' && event.step === 7) controller.abort(); // epoch 2, second step
    }
    expect(events.slice(-2)).toEqual([
      { type: 'checkpoint', path: checkpoint, step: 7 },
      { type: 'end', reason: 'aborted', step: 7, epoch: 1 },
    ]);
    partial.dispose();

    const resumed = await loadVaeCheckpoint(checkpoint);
    expect(resumed.stepCount).toBe(7);
    await collect(trainVae(resumed, train, { epochs: 3, testData: test_ }));
    const straight = await trained(3, { testData: test_ });
    expect(losses(resumed)).toEqual(losses(straight));
    expect(await weightsOf(resumed)).toEqual(await weightsOf(straight));
    const curve = (t: VaeTrainer) => t.history.epochs;
    expect(curve(resumed)).toEqual(curve(straight));
    expect(await readdir(join(folder, 'run'))).toEqual(['vae.json']);
    expect(resumed.imageCount).toBe(40);
    const other = { count: 48, images: all.images.slice(0, 48 * 16) };
    await expect(collect(trainVae(resumed, other, { epochs: 4 }))).rejects.toThrow(
      'trainVae: this run trained on 40 images, the data now holds 48; resume with the same data',
    );
    // 41 images also make 5 steps of 8, but other batches: still another run's data.
    const oneMore = { count: 41, images: all.images.slice(0, 41 * 16) };
    await expect(collect(trainVae(resumed, oneMore, { epochs: 4 }))).rejects.toThrow(
      'this run trained on 40 images, the data now holds 41',
    );
    // A checkpoint written before the count was kept: only the steps per epoch are checked.
    const older = JSON.parse(await readFile(checkpoint, 'utf8'));
    delete older.imageCount;
    await writeFile(checkpoint, JSON.stringify(older));
    const unknown = await loadVaeCheckpoint(checkpoint);
    expect(unknown.imageCount).toBeNull();
    await expect(collect(trainVae(unknown, other, { epochs: 4 }))).rejects.toThrow(
      'trainVae: this run had 5 steps per epoch, the data now gives 6 (48 images, batch 8); resume with the same data',
    );
    unknown.dispose();
    resumed.dispose();
    straight.dispose();
  });

  test('maxSteps ends early with reason max-steps; checkpointEvery writes between epochs', async () => {
    const folder = tempDir('dlkit-vae-');
    const trainer = createVaeTrainer(config);
    const events = await collect(
      trainVae(trainer, train, { epochs: 5, maxSteps: 7, checkpoint: join(folder, 'c.json'), checkpointEvery: 3 }),
    );
    expect(events.filter((e) => e.type === 'checkpoint').map((e) => (e as VaeCheckpointEvent).step)).toEqual([3, 5, 6, 7]);
    expect(events.at(-1)).toEqual({ type: 'end', reason: 'max-steps', step: 7, epoch: 1 });
    trainer.dispose();
  });

  test('a diverging run throws a VaeError of kind diverged that names the last good checkpoint, and keeps it', async () => {
    const folder = tempDir('dlkit-vae-');
    const checkpoint = join(folder, 'c.json');
    const trainer = createVaeTrainer({ ...config, learningRate: 1e30 });
    const run = collect(trainVae(trainer, train, { epochs: 2, checkpoint, checkpointEvery: 1 }));
    await expect(run).rejects.toThrow(
      /trainVae: training diverged at epoch 1, step 2: the loss is not finite .*; the last good checkpoint, .*c\.json \(step 1\), is kept/,
    );
    await expect(run).rejects.toMatchObject({ kind: 'diverged' });
    expect((await loadVaeCheckpoint(checkpoint)).stepCount).toBe(1);
    trainer.dispose();
  });

  test('bad data and options are one VaeError naming the problem', async () => {
    const trainer = createVaeTrainer(config);
    const bright = { count: 2, images: new Float32Array(32).fill(1.5) };
    await expect(collect(trainVae(trainer, bright))).rejects.toThrow(
      'trainVae: data pixels must be in [0, 1] (Bernoulli means), found 1.5 at image 0, pixel 0',
    );
    const short = { count: 3, images: new Float32Array(32) };
    await expect(collect(trainVae(trainer, short))).rejects.toThrow('trainVae: data.images must hold count × 16 = 48 pixels, found 32');
    const nan = { count: 2, images: new Float32Array(32) };
    nan.images[17] = Number.NaN;
    await expect(collect(trainVae(trainer, train, { testData: nan }))).rejects.toThrow(
      'testData pixels must be in [0, 1] (Bernoulli means), found NaN at image 1, pixel 1',
    );
    await expect(collect(trainVae(trainer, train, { epochs: -1 }))).rejects.toThrow('trainVae: epochs must be an integer ≥ 0, found -1');
    trainer.dispose();
    await expect(collect(trainVae(trainer, train))).rejects.toThrow('trainVae: trainer must be a live VaeTrainer');
  });

  test('with a checkpoint function, a diverging run names the last checkpoint it returned', async () => {
    const trainer = createVaeTrainer({ ...config, learningRate: 1e30 });
    const checkpoint = async (_bytes: Uint8Array, step: number) => `idb://run/${step}`;
    await expect(collect(trainVae(trainer, train, { epochs: 2, checkpoint, checkpointEvery: 1 }))).rejects.toThrow(
      /trainVae: training diverged at epoch 1, step 2: the loss is not finite .*; the last good checkpoint, idb:\/\/run\/1 \(step 1\), is kept/,
    );
    trainer.dispose();
  });
});
