import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { evaluateVae, loadVaeCheckpoint, saveVaeCheckpoint, trainVae, type VaeDataset, VaeError, type VaeTrainer } from '../src/index';

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

const losses = (trainer: VaeTrainer) => trainer.history.steps.map((s) => [s.step, s.loss, s.reconstruction, s.kl]);

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

describe('trainVae', () => {
  test('trains for the given epochs, reports every step and epoch, and records test −ELBO', async () => {
    const steps: number[] = [];
    const epochs: number[] = [];
    const before = tf.memory().numTensors;
    const { trainer, history, stopped } = await trainVae({
      data: train,
      testData: test_,
      epochs: 3,
      config,
      onStep: (p) => steps.push(p.epoch * 100 + p.stepInEpoch),
      onEpoch: (e) => {
        epochs.push(e.epoch);
      },
    });
    expect(stopped).toBe(false);
    expect(steps).toEqual([100, 101, 102, 103, 104, 200, 201, 202, 203, 204, 300, 301, 302, 303, 304]);
    expect(epochs).toEqual([1, 2, 3]);
    expect(history.epochs.map((e) => e.steps)).toEqual([5, 5, 5]);
    const [first, , last] = history.epochs;
    expect(last!.trainLoss).toBeLessThan(first!.trainLoss);
    expect(last!.testLoss).toBeLessThan(first!.testLoss!);
    expect(last!.testLoss).toBeCloseTo(last!.testReconstruction! + last!.testKl!, 3);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('the same seed gives the same loss history, bit for bit', async () => {
    const a = await trainVae({ data: train, epochs: 2, config });
    const b = await trainVae({ data: train, epochs: 2, config });
    expect(losses(a.trainer)).toEqual(losses(b.trainer));
    expect(await weightsOf(a.trainer)).toEqual(await weightsOf(b.trainer));
    a.trainer.dispose();
    b.trainer.dispose();
  });

  test('stopping mid-epoch saves a checkpoint, and resuming from it continues exactly as an uninterrupted run', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dlkit-vae-'));
    const checkpointPath = join(folder, 'run', 'vae.json');
    const controller = new AbortController();
    const partial = await trainVae({
      data: train,
      testData: test_,
      epochs: 3,
      config,
      checkpointPath,
      signal: controller.signal,
      onStep: (p) => {
        if (p.step === 6) controller.abort(); // epoch 2, second step
      },
    });
    expect(partial.stopped).toBe(true);
    expect(partial.trainer.stepCount).toBe(7);
    partial.trainer.dispose();

    const resumed = await trainVae({ data: train, testData: test_, epochs: 3, trainer: await loadVaeCheckpoint(checkpointPath) });
    const straight = await trainVae({ data: train, testData: test_, epochs: 3, config });
    expect(resumed.stopped).toBe(false);
    expect(losses(resumed.trainer)).toEqual(losses(straight.trainer));
    expect(await weightsOf(resumed.trainer)).toEqual(await weightsOf(straight.trainer));
    const curve = (t: VaeTrainer) => t.history.epochs.map((e) => [e.epoch, e.trainLoss, e.testLoss]);
    expect(curve(resumed.trainer)).toEqual(curve(straight.trainer));
    expect((await readdir(join(folder, 'run'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    resumed.trainer.dispose();
    straight.trainer.dispose();
  });

  test('bad data is one VaeError naming the problem', async () => {
    const bright = { count: 2, images: new Float32Array(32).fill(1.5) };
    await expect(trainVae({ data: bright, config })).rejects.toThrow('trainVae: data pixels must be in [0, 1] (Bernoulli means), found 1.5 at image 0, pixel 0');
    const short = { count: 3, images: new Float32Array(32) };
    await expect(trainVae({ data: short, config })).rejects.toThrow('trainVae: data.images must hold count × 16 = 48 pixels, found 32');
    const nan = { count: 2, images: new Float32Array(32) };
    nan.images[17] = Number.NaN;
    await expect(trainVae({ data: train, testData: nan, config })).rejects.toThrow('testData pixels must be in [0, 1] (Bernoulli means), found NaN at image 1, pixel 1');
    await expect(trainVae({ data: train, epochs: -1, config })).rejects.toThrow('trainVae: epochs must be an integer ≥ 0, found -1');
    await expect(trainVae({ data: train, config: { batchSize: 0 } })).rejects.toBeInstanceOf(VaeError);
  });
});

describe('checkpoints', () => {
  test('saveVaeCheckpoint / loadVaeCheckpoint round-trip weights, Adam state, steps and history bit-exactly', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dlkit-vae-'));
    const path = join(folder, 'vae.json');
    const { trainer } = await trainVae({ data: train, epochs: 1, config });
    await saveVaeCheckpoint(trainer, path);
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
    await expect(loadVaeCheckpoint(join(folder, 'gan.json'))).rejects.toThrow(/is not a VAE checkpoint \(format 'dlkit-gan-checkpoint', expected 'dlkit-vae-checkpoint'\)/);
    const { trainer } = await trainVae({ data: train, epochs: 0, config });
    await saveVaeCheckpoint(trainer, join(folder, 'ok.json'));
    trainer.dispose();
    const file = JSON.parse(await readFile(join(folder, 'ok.json'), 'utf8'));
    file.config.hiddenSizes = [13];
    await writeFile(join(folder, 'bent.json'), JSON.stringify(file));
    await expect(loadVaeCheckpoint(join(folder, 'bent.json'))).rejects.toThrow(/encoder\.0\.weights must hold 208 values for this config, found 192/);
  });
});

describe('evaluateVae', () => {
  test('reports −ELBO = reconstruction + KL, an IWAE bound tighter than it, deterministically and without leaks', async () => {
    const { trainer } = await trainVae({ data: train, epochs: 4, config });
    const before = tf.memory().numTensors;
    const a = await evaluateVae(trainer.vae, test_, { importanceSamples: 50, batchSize: 5, seed: 3 });
    const b = await evaluateVae(trainer.vae, test_, { importanceSamples: 50, batchSize: 5, seed: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect(a).toEqual(b);
    expect(a.count).toBe(16);
    expect(a.negativeElbo).toBeCloseTo(a.reconstruction + a.kl, 4);
    expect(a.negativeIwae!).toBeLessThan(a.negativeElbo);
    await expect(evaluateVae(trainer.vae, test_, { importanceSamples: 0 })).rejects.toThrow('evaluateVae: importanceSamples must be a positive integer, found 0');
    trainer.dispose();
  });
});
