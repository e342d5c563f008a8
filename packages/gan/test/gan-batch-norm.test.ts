import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { batchNormalize } from '../src/_batch-normalization';
import { createGanTrainer, exportGenerator, type GanConfig, restoreGanTrainer } from '../src/node';
import { barImages, batchTensor, tinyConfig } from './_tiny';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

const mlp: Partial<GanConfig> = { ...tinyConfig, generatorNormalization: 'batch', emaDecay: 0.9 };
const dcgan: Partial<GanConfig> = {
  ...mlp,
  model: 'dcgan',
  generatorChannels: [8, 4],
  discriminatorChannels: [4, 8],
  kernelSize: 3,
};

/** A trainer a few steps in, so the EMA and the trained weights differ and every scale and shift has moved. */
function trained(config: Partial<GanConfig>) {
  const trainer = createGanTrainer(config);
  const real = batchTensor(barImages(16), 16, 64);
  for (let i = 0; i < 3; i++) trainer.step(real);
  real.dispose();
  return trainer;
}

describe("batchNormalize (a generator's normalization layer)", () => {
  test("with the batch's statistics: every feature has mean β and standard deviation γ over the batch", () => {
    tf.tidy(() => {
      const h = tf.randomNormal([5, 200], 3, 2, 'float32', 1); // features in rows, samples in columns
      const gamma = tf.tensor1d([1, 2, 0.5, 1, 3]);
      const beta = tf.tensor1d([0, -1, 2, 0.5, 0]);
      const output = batchNormalize(h, gamma, beta, { sampleAxes: [1], featureShape: [5, 1] });
      const { mean, variance } = tf.moments(output, 1);
      const expectClose = (actual: tf.Tensor, expected: number[]) =>
        Array.from(actual.dataSync()).forEach((v, i) => {
          expect(v).toBeCloseTo(expected[i]!, 3);
        });
      expectClose(mean, [0, -1, 2, 0.5, 0]);
      expectClose(tf.sqrt(variance), [1, 2, 0.5, 1, 3]);
    });
  });

  test('with given statistics: (h − mean)/√(variance + 1e-5)·γ + β, each sample on its own', () => {
    tf.tidy(() => {
      const h = tf.tensor2d([[1, 4, -2]]); // one feature, three samples
      const statistics = { mean: tf.tensor2d([[1]]), variance: tf.tensor2d([[4]]) };
      const output = batchNormalize(h, tf.tensor1d([2]), tf.tensor1d([1]), { sampleAxes: [1], featureShape: [1, 1] }, statistics);
      const root = Math.sqrt(4 + 1e-5);
      Array.from(output.dataSync()).forEach((v, i) => {
        expect(v).toBeCloseTo((([1, 4, -2][i]! - 1) / root) * 2 + 1, 5);
      });
    });
  });

  test('its gradients (through the batch statistics) match central differences', () => {
    tf.tidy(() => {
      const h = tf.randomNormal([3, 6], 0, 1, 'float32', 2);
      const gamma = tf.tensor1d([1.5, 0.7, 1]);
      const beta = tf.tensor1d([0.1, -0.2, 0.3]);
      const weights = tf.randomNormal([3, 6], 0, 1, 'float32', 3);
      // A loss that depends on every output unevenly, so no gradient vanishes by symmetry.
      const loss = (x: tf.Tensor, g: tf.Tensor) =>
        tf.sum(tf.mul(tf.square(batchNormalize(x, g as tf.Tensor1D, beta, { sampleAxes: [1], featureShape: [3, 1] })), weights));
      const [dh, dgamma] = tf.grads(loss)([h, gamma]);
      const numeric = (values: Float32Array, at: number, f: (v: Float32Array) => number) => {
        const eps = 1e-2;
        const plus = Float32Array.from(values);
        const minus = Float32Array.from(values);
        plus[at]! += eps;
        minus[at]! -= eps;
        return (f(plus) - f(minus)) / (2 * eps);
      };
      const hValues = h.dataSync() as Float32Array;
      for (const at of [0, 5, 7, 17]) {
        const expected = numeric(hValues, at, (v) => loss(tf.tensor2d(v, [3, 6]), gamma).dataSync()[0]!);
        expect(dh!.dataSync()[at]).toBeCloseTo(expected, 1);
      }
      const gammaValues = gamma.dataSync() as Float32Array;
      for (const at of [0, 1, 2]) {
        const expected = numeric(gammaValues, at, (v) => loss(h, tf.tensor1d(v)).dataSync()[0]!);
        expect(dgamma!.dataSync()[at]).toBeCloseTo(expected, 1);
      }
    });
  });

  test.each([
    ['features in rows, samples in columns', [3, 6], { sampleAxes: [1], featureShape: [3, 1] }],
    ['images [batch, height, width, channels]', [2, 3, 3, 4], { sampleAxes: [0, 1, 2], featureShape: [1, 1, 1, 4] }],
    ['features in columns', [7, 4], { sampleAxes: [0], featureShape: [1, 4] }],
  ] as const)('its own gradients equal tfjs autodiff of the same forward ops (%s)', (_, shape, layout) => {
    tf.tidy(() => {
      const features = layout.featureShape.at(layout.sampleAxes[0] === 1 ? 0 : -1)!;
      const h = tf.randomNormal([...shape], 1, 2, 'float32', 4);
      const gamma = tf.randomUniform([features], 0.5, 1.5, 'float32', 5) as tf.Tensor1D;
      const beta = tf.randomUniform([features], -0.5, 0.5, 'float32', 6) as tf.Tensor1D;
      const weights = tf.randomNormal([...shape], 0, 1, 'float32', 7);
      const plain = (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
        const { mean, variance } = tf.moments(x, [...layout.sampleAxes], true);
        const xHat = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5)));
        return tf.add(tf.mul(xHat, tf.reshape(g, [...layout.featureShape])), tf.reshape(b, [...layout.featureShape]));
      };
      const ours = (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
        batchNormalize(x, g as tf.Tensor1D, b as tf.Tensor1D, {
          sampleAxes: [...layout.sampleAxes],
          featureShape: [...layout.featureShape],
        });
      const lossOf = (f: typeof plain) => (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.square(f(x, g, b)), weights));
      const expected = tf.grads(lossOf(plain))([h, gamma, beta]);
      const actual = tf.grads(lossOf(ours))([h, gamma, beta]);
      expect(Array.from(ours(h, gamma, beta).dataSync())).toEqual(
        Array.from(plain(h, gamma, beta).dataSync()).map((v) => expect.closeTo(v, 5)),
      );
      actual.forEach((gradient, i) => {
        expect(gradient.shape).toEqual(expected[i]!.shape);
        expect(Array.from(gradient.dataSync())).toEqual(Array.from(expected[i]!.dataSync()).map((v) => expect.closeTo(v, 4)));
      });
    });
  });
});

describe.each([
  ['mlp', mlp],
  ['dcgan', dcgan],
])("generatorNormalization 'batch' (%s)", (model, config) => {
  test('each hidden layer has a scale and a shift in place of its bias; the output layer keeps its bias', () => {
    const trainer = createGanTrainer(config);
    const names = trainer.snapshot().tensors.map(({ name }) => name);
    const expected =
      model === 'mlp'
        ? ['generator/dense0/kernel', 'generator/norm0/gamma', 'generator/norm0/beta', 'generator/dense1/kernel', 'generator/dense1/bias']
        : [
            'generator/dense0/kernel',
            'generator/norm0/gamma',
            'generator/norm0/beta',
            'generator/deconv1/kernel',
            'generator/norm1/gamma',
            'generator/norm1/beta',
            'generator/deconv2/kernel',
            'generator/deconv2/bias',
          ];
    expect(names.filter((name) => name.startsWith('generator/'))).toEqual(expected);
    expect(names.filter((name) => name.startsWith('ema/'))).toEqual(expected.map((name) => `ema/${name}`));
    trainer.dispose();
  });

  test.each(['trained', 'ema'] as const)('generate (%s weights): a sample is the same alone as in any batch, and in [−1, 1]', (weights) => {
    const trainer = trained(config);
    const many = trainer.generate(16, { seed: 9, weights });
    const alone = trainer.generate(1, { seed: 9, weights });
    const few = trainer.generate(2, { seed: 9, weights });
    const first = Array.from(many.dataSync().slice(0, 64));
    expect(Array.from(alone.dataSync())).toEqual(first.map((v) => expect.closeTo(v, 6)));
    expect(Array.from(few.dataSync().slice(0, 64))).toEqual(first.map((v) => expect.closeTo(v, 6)));
    expect(Math.max(...many.dataSync().map(Math.abs))).toBeLessThanOrEqual(1);
    tf.dispose([many, alone, few]);
    trainer.dispose();
  });

  test('the sampling statistics follow the weights: after a step, generate equals a fresh copy of the trainer', () => {
    const trainer = trained(config);
    tf.dispose(trainer.generate(4)); // statistics for the weights before the step
    const real = batchTensor(barImages(16), 16, 64);
    trainer.step(real);
    const copy = restoreGanTrainer(trainer.snapshot());
    for (const weights of ['ema', 'trained'] as const) {
      const [ours, fresh] = [trainer.generate(4, { weights }), copy.generate(4, { weights })];
      expect(Array.from(ours.dataSync())).toEqual(Array.from(fresh.dataSync()));
      tf.dispose([ours, fresh]);
    }
    real.dispose();
    copy.dispose();
    trainer.dispose();
  });

  test('training steps learn: the discriminator soon tells the bars from the fakes', () => {
    const trainer = createGanTrainer(config);
    const real = batchTensor(barImages(16), 16, 64);
    const losses = Array.from({ length: 8 }, () => trainer.step(real));
    expect(losses.every(({ dLoss, gLoss }) => Number.isFinite(dLoss) && Number.isFinite(gLoss))).toBe(true);
    expect(losses.at(-1)!.dLoss).toBeLessThan(losses[0]!.dLoss);
    real.dispose();
    trainer.dispose();
  });

  test('step, generate, discriminate, snapshot and exportGenerator leak no tensors', async () => {
    const trainer = createGanTrainer(config);
    const real = batchTensor(barImages(16), 16, 64);
    trainer.step(real); // the first step may create lazily cached tensors
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) trainer.step(real);
    tf.dispose([trainer.generate(4), trainer.generate(2, { weights: 'trained' }), trainer.discriminate(real)]);
    trainer.snapshot();
    await exportGenerator(trainer);
    expect(tf.memory().numTensors).toBe(before);
    real.dispose();
    trainer.dispose();
  });
});
