import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createGanTrainer, GanError } from '../src/node';
import { barImages, batchTensor, tinyConfig } from './_tiny';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

const data = barImages(64);

describe('createGanTrainer', () => {
  test('generate(n) gives [n, pixels] in [−1, 1]; the same seed gives the same images', () => {
    const trainer = createGanTrainer(tinyConfig);
    const a = trainer.generate(5);
    const b = trainer.generate(5);
    const c = trainer.generate(5, { seed: 99 });
    expect(a.shape).toEqual([5, 64]);
    const values = a.dataSync();
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    expect(Array.from(b.dataSync())).toEqual(Array.from(values));
    expect(Array.from(c.dataSync())).not.toEqual(Array.from(values));
    tf.dispose([a, b, c]);
    trainer.dispose();
  });

  test('the default model has the reference layer sizes', () => {
    const trainer = createGanTrainer({ seed: 1 });
    const snapshot = trainer.snapshot();
    const shapes = Object.fromEntries(
      snapshot.tensors.filter((t) => t.name.endsWith('kernel') && !t.name.startsWith('optimizer')).map((t) => [t.name, t.shape]),
    );
    expect(shapes).toEqual({
      'generator/dense0/kernel': [100, 256],
      'generator/dense1/kernel': [256, 512],
      'generator/dense2/kernel': [512, 1024],
      'generator/dense3/kernel': [1024, 784],
      'discriminator/dense0/kernel': [784, 1024],
      'discriminator/dense1/kernel': [1024, 512],
      'discriminator/dense2/kernel': [512, 256],
      'discriminator/dense3/kernel': [256, 1],
    });
    trainer.dispose();
  });

  test('step(realBatch) reports losses, and the discriminator learns in the first steps', () => {
    const trainer = createGanTrainer(tinyConfig);
    const real = batchTensor(data, 16, 64);
    const first = trainer.step(real);
    expect(first.dLoss).toBeGreaterThan(0);
    expect(first.gLoss).toBeGreaterThan(0);
    expect(first.dReal).toBeGreaterThan(0);
    expect(first.dReal).toBeLessThan(1);
    let last = first;
    for (let i = 0; i < 15; i++) last = trainer.step(real);
    expect(trainer.stepCount).toBe(16);
    expect(last.dLoss).toBeLessThan(first.dLoss);
    expect(last.dReal - last.dFake).toBeGreaterThan(first.dReal - first.dFake + 0.1);
    // With dropout off, D now tells the reals from fresh fakes.
    const fakes = trainer.generate(16, { seed: 5 });
    const dReal = tf.tidy(() => tf.mean(tf.sigmoid(trainer.discriminate(real))).dataSync()[0]!);
    const dFake = tf.tidy(() => tf.mean(tf.sigmoid(trainer.discriminate(fakes))).dataSync()[0]!);
    expect(dReal).toBeGreaterThan(dFake);
    tf.dispose([real, fakes]);
    trainer.dispose();
  });

  test('runs are deterministic for a seed, and differ for another seed', () => {
    const run = (seed: number) => {
      const trainer = createGanTrainer({ ...tinyConfig, seed });
      const real = batchTensor(data, 16, 64);
      const losses = [trainer.step(real), trainer.step(real), trainer.step(real)];
      real.dispose();
      trainer.dispose();
      return losses;
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });

  test.each(['mlp', 'dcgan', 'dcgan with a low-pass output'] as const)('%s: step, generate and discriminate leak no tensors', (model) => {
    const config =
      model === 'mlp'
        ? tinyConfig
        : {
            ...tinyConfig,
            model: 'dcgan' as const,
            generatorChannels: [8, 4] as [number, number],
            discriminatorChannels: [4, 8] as [number, number],
            kernelSize: 3,
            generatorLowPass: model !== 'dcgan',
          };
    const trainer = createGanTrainer(config);
    const real = batchTensor(data, 16, 64);
    trainer.step(real); // the first step may create lazily cached tensors
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) trainer.step(real);
    tf.dispose([trainer.generate(4), trainer.discriminate(real)]);
    trainer.snapshot();
    expect(tf.memory().numTensors).toBe(before);
    real.dispose();
    const held = tf.memory().numTensors;
    trainer.dispose();
    expect(tf.memory().numTensors).toBeLessThan(held);
  });

  test('dcgan: shapes and a learning discriminator', () => {
    const trainer = createGanTrainer({
      ...tinyConfig,
      model: 'dcgan',
      generatorChannels: [8, 4],
      discriminatorChannels: [4, 8],
      kernelSize: 3,
    });
    const images = trainer.generate(3);
    expect(images.shape).toEqual([3, 64]);
    const real = batchTensor(data, 16, 64);
    const first = trainer.step(real);
    let last = first;
    for (let i = 0; i < 10; i++) last = trainer.step(real);
    expect(last.dLoss).toBeLessThan(first.dLoss);
    tf.dispose([images, real]);
    trainer.dispose();
  });

  test('bad input gets one clear GanError', () => {
    const trainer = createGanTrainer(tinyConfig);
    const wrong = tf.zeros([4, 63]) as tf.Tensor2D;
    expect(() => trainer.step(wrong)).toThrow(GanError);
    expect(() => trainer.step(wrong)).toThrow('step(realBatch): expected a [batch, 64] tensor of images, found [4, 63]');
    expect(() => trainer.generate(0)).toThrow('n must be a positive integer, found 0');
    wrong.dispose();
    trainer.dispose();
    expect(() => trainer.generate(1)).toThrow('disposed');
  });
});
