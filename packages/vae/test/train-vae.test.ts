import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  createVaeTrainer,
  evaluateVae,
  loadVaeCheckpoint,
  saveVaeCheckpoint,
  type TrainVaeOptions,
  trainVae,
  type VaeCheckpointEvent,
  type VaeDataset,
  type VaeTrainEvent,
  type VaeTrainer,
} from '../src/index';

const config = { inputSize: 16, hiddenSizes: [12], latentSize: 2, batchSize: 8, learningRate: 5e-3, seed: 21 };

/** count images made of 3 binary prototypes with a little grey noise: structure to learn, pixels in [0, 1]. */
function dataset(count: number, seed: number): VaeDataset {
  let state = seed;
  const random = () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
  const prototypes = [0, 1, 2].map(() => Array.from({ length: 16 }, () => (random() < 0.5 ? 0.95 : 0.05)));
  const images = new Float32Array(count * 16);
  for (let i = 0; i < count; i++) {
    const p = prototypes[Math.floor(random() * 3)]!;
    for (let j = 0; j < 16; j++) images[i * 16 + j] = Math.min(1, Math.max(0, p[j]! + (random() - 0.5) * 0.1));
  }
  return { count, images };
}

const all = dataset(56, 1);
const train = { count: 40, images: all.images.slice(0, 40 * 16) }; // 5 steps per epoch at batch 8
const test_ = { count: 16, images: all.images.slice(40 * 16) };

async function weightsOf(trainer: VaeTrainer): Promise<number[][]> {
  return Promise.all(trainer.vae.variables.map(async (v) => Array.from(await v.data())));
}

const losses = (trainer: VaeTrainer) => trainer.history.steps.map((s) => [s.epoch, s.step, s.loss, s.reconstruction, s.kl]);

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

async function collect(events: AsyncIterable<VaeTrainEvent>): Promise<VaeTrainEvent[]> {
  const all: VaeTrainEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

/** A trainer trained for `epochs` on the training set. */
async function trained(epochs: number, options: TrainVaeOptions = {}): Promise<VaeTrainer> {
  const trainer = createVaeTrainer(config);
  await collect(trainVae(trainer, train, { epochs, ...options }));
  return trainer;
}

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
    const folder = await mkdtemp(join(tmpdir(), 'dlkit-vae-'));
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
    const other = { count: 48, images: all.images.slice(0, 48 * 16) };
    await expect(collect(trainVae(resumed, other, { epochs: 4 }))).rejects.toThrow(
      'trainVae: this run had 5 steps per epoch, the data now gives 6 (48 images, batch 8); resume with the same data',
    );
    resumed.dispose();
    straight.dispose();
  });

  test('maxSteps ends early with reason max-steps; checkpointEvery writes between epochs', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dlkit-vae-'));
    const trainer = createVaeTrainer(config);
    const events = await collect(
      trainVae(trainer, train, { epochs: 5, maxSteps: 7, checkpoint: join(folder, 'c.json'), checkpointEvery: 3 }),
    );
    expect(events.filter((e) => e.type === 'checkpoint').map((e) => (e as VaeCheckpointEvent).step)).toEqual([3, 5, 6, 7]);
    expect(events.at(-1)).toEqual({ type: 'end', reason: 'max-steps', step: 7, epoch: 1 });
    trainer.dispose();
  });

  test('a diverging run throws a VaeError of kind diverged that names the last good checkpoint, and keeps it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dlkit-vae-'));
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
});

describe('checkpoints', () => {
  test('saveVaeCheckpoint / loadVaeCheckpoint round-trip weights, Adam state, steps and history bit-exactly', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dlkit-vae-'));
    const path = join(folder, 'vae.json');
    const trainer = await trained(1);
    expect(await saveVaeCheckpoint(trainer, path)).toBe(path);
    const loaded = await loadVaeCheckpoint(path);
    expect(loaded.stepCount).toBe(trainer.stepCount);
    expect(loaded.config).toEqual(trainer.config);
    expect(loaded.history).toEqual(trainer.history);
    expect(await weightsOf(loaded)).toEqual(await weightsOf(trainer));
    // The same next step from both: equal only if the Adam moments and step count came back too.
    const batch = tf.tensor2d(train.images.subarray(0, 8 * 16), [8, 16]);
    expect(loaded.step(batch)).toEqual(trainer.step(batch));
    expect(await weightsOf(loaded)).toEqual(await weightsOf(trainer));
    batch.dispose();
    loaded.dispose();
    trainer.dispose();
  });

  test('a missing, malformed or foreign file is one VaeError naming it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dlkit-vae-'));
    await expect(loadVaeCheckpoint(join(folder, 'none.json'))).rejects.toThrow(/loadVaeCheckpoint: cannot read .*none\.json/);
    await writeFile(join(folder, 'text.json'), 'not json');
    await expect(loadVaeCheckpoint(join(folder, 'text.json'))).rejects.toThrow(/text\.json is not JSON, so not a VAE checkpoint/);
    await writeFile(join(folder, 'gan.json'), JSON.stringify({ format: 'dlkit-gan-checkpoint' }));
    await expect(loadVaeCheckpoint(join(folder, 'gan.json'))).rejects.toThrow(
      /is not a VAE checkpoint \(format 'dlkit-gan-checkpoint', expected 'dlkit-vae-checkpoint'\)/,
    );
    const trainer = createVaeTrainer(config);
    await saveVaeCheckpoint(trainer, join(folder, 'ok.json'));
    trainer.dispose();
    const file = JSON.parse(await readFile(join(folder, 'ok.json'), 'utf8'));
    file.config.hiddenSizes = [13];
    await writeFile(join(folder, 'bent.json'), JSON.stringify(file));
    await expect(loadVaeCheckpoint(join(folder, 'bent.json'))).rejects.toThrow(
      /encoder\.0\.weights must hold 208 values for this config, found 192/,
    );
  });
});

describe('evaluateVae', () => {
  test('reports −ELBO = reconstruction + KL, an IWAE bound tighter than it, deterministically and without leaks', async () => {
    const trainer = await trained(4);
    const before = tf.memory().numTensors;
    const a = await evaluateVae(trainer.vae, test_, { importanceSamples: 50, batchSize: 5, seed: 3 });
    const b = await evaluateVae(trainer.vae, test_, { importanceSamples: 50, batchSize: 5, seed: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect(a).toEqual(b);
    expect(a.count).toBe(16);
    expect(a.negativeElbo).toBeCloseTo(a.reconstruction + a.kl, 4);
    expect(a.negativeIwae!).toBeLessThan(a.negativeElbo);
    await expect(evaluateVae(trainer.vae, test_, { importanceSamples: 0 })).rejects.toThrow(
      'evaluateVae: importanceSamples must be a positive integer, found 0',
    );
    trainer.dispose();
  });
});
