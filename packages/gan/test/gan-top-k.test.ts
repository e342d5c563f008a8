import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createGanTrainer, GanError, type GanSnapshot, generatorLoss, restoreGanTrainer } from '../src/node';
import { barImages, batchTensor, tensorCountsAfterSteps, tinyConfig } from './_tiny';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

const softplus = (x: number) => Math.log1p(Math.exp(x));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('generatorLoss with a top fraction (top-k training)', () => {
  const logits = [0.3, -2, 1.5, -0.4, 2.2, -1.1, 0.9, 0];

  test('averages −log σ(x) over the round(fraction × n) largest logits only', () => {
    for (const [fraction, k] of [
      [0.5, 4],
      [0.75, 6],
      [0.01, 1],
    ] as const) {
      const largest = [...logits].sort((a, b) => b - a).slice(0, k);
      const expected = largest.reduce((sum, x) => sum + softplus(-x), 0) / k;
      const loss = generatorLoss(tf.tensor2d(logits, [8, 1]), fraction);
      expect(loss.dataSync()[0]).toBeCloseTo(expected, 6);
    }
  });

  test('its gradient reaches the kept fakes, −σ(−x)/k each, and no other', () => {
    const x = tf.tensor2d(logits, [1, 8]); // samples in columns, as the MLP discriminator gives them
    const gradient = tf.grad((input: tf.Tensor) => generatorLoss(input, 0.5))(x);
    const kept = new Set([...logits].sort((a, b) => b - a).slice(0, 4));
    const expected = logits.map((value) => (kept.has(value) ? -sigmoid(-value) / 4 : 0));
    expect(gradient.shape).toEqual([1, 8]);
    for (const [i, value] of gradient.dataSync().entries()) expect(value).toBeCloseTo(expected[i]!, 6);
  });

  test('fraction 1 is the plain loss; a fraction outside (0, 1] is a GanError', () => {
    const x = tf.tensor1d(logits);
    expect(generatorLoss(x, 1).dataSync()[0]).toBe(generatorLoss(x).dataSync()[0]);
    for (const bad of [0, -0.5, 1.5, Number.NaN]) expect(() => generatorLoss(x, bad)).toThrow(GanError);
  });
});

describe('GanConfig.generatorTopFraction', () => {
  const data = barImages(64);

  test("changes only the generator's update: D's step is the same, G's loss is over the fakes D rates most real", () => {
    const real = batchTensor(data, 16, 64);
    const full = createGanTrainer(tinyConfig);
    const top = createGanTrainer({ ...tinyConfig, generatorTopFraction: 0.5 });
    const [a, b] = [full.step(real), top.step(real)];
    expect([b.dLoss, b.dReal, b.dFake]).toEqual([a.dLoss, a.dReal, a.dFake]);
    const discriminator = (snapshot: GanSnapshot) => snapshot.tensors.filter(({ name }) => name.startsWith('discriminator/'));
    const generator = (snapshot: GanSnapshot) => snapshot.tensors.filter(({ name }) => name.startsWith('generator/'));
    expect(discriminator(top.snapshot())).toEqual(discriminator(full.snapshot()));
    // The same fakes through the same D: the half D rates most real has the smaller loss.
    expect(b.gLoss).toBeLessThan(a.gLoss);
    expect(generator(top.snapshot())).not.toEqual(generator(full.snapshot()));
    tf.dispose(real);
    full.dispose();
    top.dispose();
  });

  test('leaks no tensors and survives a snapshot', () => {
    const real = batchTensor(data, 16, 64);
    const trainer = createGanTrainer({ ...tinyConfig, generatorTopFraction: 0.75, generatorNormalization: 'batch', reuseFakes: true });
    const counts = tensorCountsAfterSteps(trainer, real);
    expect(new Set(counts).size).toBe(1);
    const restored = restoreGanTrainer(trainer.snapshot());
    expect(restored.config.generatorTopFraction).toBe(0.75);
    expect(restored.step(real)).toEqual(trainer.step(real));
    tf.dispose(real);
    trainer.dispose();
    restored.dispose();
  });

  test('is checked: a number in (0, 1]', () => {
    for (const bad of [0, 1.01, -1, Number.NaN, '0.5']) {
      expect(() => createGanTrainer({ ...tinyConfig, generatorTopFraction: bad as number })).toThrow(
        /invalid GAN config: generatorTopFraction must be in \(0, 1\], found/,
      );
    }
  });
});
