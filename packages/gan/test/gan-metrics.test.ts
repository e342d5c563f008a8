import { initBackend } from '@dlkit/backend';
import { loadMnist, loadReferenceDigits, type MnistDataset } from '@dlkit/mnist';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGanMetrics, createGanTrainer, GanError, type GanMetrics, loadMnistClassifier, type MnistClassifier } from '../src/node';

let test2000: MnistDataset;
let classifier: MnistClassifier;
let metrics: GanMetrics;

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
  test2000 = await loadMnist({ source: 'embedded', split: 'test', normalize: '[-1,1]' });
  classifier = await loadMnistClassifier();
  metrics = await createGanMetrics({ classifier, reference: test2000, sampleCount: 500 });
});

afterAll(() => classifier.dispose());

const slice = (from: number, count: number) => ({ images: test2000.images.slice(from * 784, (from + count) * 784), count });

describe('the shipped MNIST classifier', () => {
  test('reaches its reported accuracy (≥ 94%) on the embedded test split', () => {
    const predicted = tf.tidy(() =>
      tf.argMax(classifier.classify(tf.tensor2d(test2000.images, [test2000.count, 784])).probabilities, 1).dataSync(),
    );
    let right = 0;
    for (let i = 0; i < test2000.count; i++) if (predicted[i] === test2000.labels[i]) right++;
    expect(right / test2000.count).toBeCloseTo(classifier.testAccuracy, 3);
    expect(classifier.testAccuracy).toBeGreaterThanOrEqual(0.94);
    expect(classifier.featureSize).toBe(64);
  });
});

describe('createGanMetrics', () => {
  test('FID(real, other real) < FID(real, noise), and the MNIST score of real digits beats noise', () => {
    const realElsewhere = metrics.measure(slice(1000, 500));
    let state = 1;
    const noise = new Float32Array(500 * 784).map(() => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return (state / 2 ** 32) * 2 - 1;
    });
    const noisy = metrics.measure({ images: noise, count: 500 });
    const blank = metrics.measure({ images: new Float32Array(500 * 784).fill(-1), count: 500 });
    expect(realElsewhere.fid).toBeLessThan(noisy.fid / 10);
    expect(realElsewhere.fid).toBeLessThan(blank.fid / 10);
    expect(realElsewhere.mnistScore).toBeGreaterThan(8);
    expect(noisy.mnistScore).toBeLessThan(realElsewhere.mnistScore / 2);
    expect(blank.mnistScore).toBeCloseTo(1, 6);
    // Real digits carry almost no stray ink, a page of sparse specks dozens of pixels, a blank page none.
    const specks = metrics.measure({ images: noise.map((v) => (v > 0.8 ? 1 : -1)), count: 500 });
    expect(realElsewhere.strayInk).toBeLessThan(0.5);
    expect(specks.strayInk).toBeGreaterThan(30);
    expect(blank.strayInk).toBe(0);
    // Real digits: one isolated bright pixel in hundreds of digits; the sparse specks: tens a page.
    expect(realElsewhere.isolatedPixels).toBeLessThan(0.02);
    expect(specks.isolatedPixels).toBeGreaterThan(10);
    expect(blank.isolatedPixels).toBe(0);
    // The same images as the reference: the distance is rounding noise.
    expect(metrics.measure(slice(0, 500)).fid).toBeLessThan(1e-6);
  });

  test('evaluate(trainer) scores a GAN on fixed noise, leaking no tensors', async () => {
    const trainer = createGanTrainer({ generatorUnits: [32], discriminatorUnits: [32], latentDim: 16, seed: 1 });
    await metrics.evaluate(trainer);
    const before = tf.memory().numTensors;
    const first = await metrics.evaluate(trainer);
    const again = await metrics.evaluate(trainer);
    expect(tf.memory().numTensors).toBe(before);
    expect(again).toEqual(first);
    expect(first.fid).toBeGreaterThan(metrics.measure(slice(1000, 500)).fid);
    expect(first.mnistScore).toBeGreaterThanOrEqual(1);
    trainer.dispose();
  });

  test('with no classifier: the shipped one, against loadReferenceDigits(); dispose frees it', async () => {
    const reference = await loadReferenceDigits({ count: 500 });
    const before = tf.memory().numTensors;
    const defaults = await createGanMetrics({ reference, sampleCount: 500 });
    expect(defaults.measure(slice(1000, 500))).toEqual(metrics.measure(slice(1000, 500)));
    defaults.dispose();
    expect(tf.memory().numTensors).toBe(before);
    await expect(createGanMetrics({ reference: { images: new Float32Array(3), count: 1 } })).rejects.toThrow(
      'reference must hold count × 784 pixels, found 3 for count 1',
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a missing reference is one clear GanError', async () => {
    // @ts-expect-error: checked at run time for JavaScript callers
    await expect(createGanMetrics({ sampleCount: 500 })).rejects.toThrow(
      new GanError(
        "createGanMetrics: options.reference is required: the real digits in [−1, 1] that FID compares against, e.g. loadReferenceDigits() from '@dlkit/mnist'",
        { kind: 'input' },
      ),
    );
    // @ts-expect-error: likewise
    await expect(createGanMetrics()).rejects.toBeInstanceOf(GanError);
  });

  test('bad images get one clear GanError', async () => {
    expect(() => metrics.measure({ images: new Float32Array(10), count: 2 })).toThrow(
      'expected count ≥ 2 images of 784 pixels, found 10 values for count 2',
    );
    const small = createGanTrainer({ imageShape: [8, 8], generatorUnits: [4], discriminatorUnits: [4] });
    await expect(metrics.evaluate(small)).rejects.toThrow('the classifier takes 784 pixels, the GAN makes 8×8');
    small.dispose();
  });
});
