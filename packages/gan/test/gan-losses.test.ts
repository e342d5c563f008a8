import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { bceWithLogits, discriminatorLoss, generatorLoss } from '../src/node';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

const naiveBce = (x: number, y: number) => {
  const p = 1 / (1 + Math.exp(-x));
  return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
};

describe('losses on logits', () => {
  test('bceWithLogits(logits, labels) equals the textbook BCE of sigmoid(logits)', () => {
    const logits = [-3, -0.5, 0, 0.7, 4];
    const labels = [0, 1, 0.9, 0, 1];
    const expected = logits.reduce((sum, x, i) => sum + naiveBce(x, labels[i]!), 0) / logits.length;
    const loss = bceWithLogits(tf.tensor1d(logits), tf.tensor1d(labels));
    expect(loss.dataSync()[0]).toBeCloseTo(expected, 5);
  });

  test('bceWithLogits stays finite and exact where sigmoid saturates', () => {
    // log(1 + e^-100) ≈ 0 and 100 for the wrong label: the naive form gives Infinity or NaN here.
    expect(bceWithLogits(tf.tensor1d([100]), 1).dataSync()[0]).toBeCloseTo(0, 6);
    expect(bceWithLogits(tf.tensor1d([-100]), 1).dataSync()[0]).toBeCloseTo(100, 4);
    expect(bceWithLogits(tf.tensor1d([100]), 0).dataSync()[0]).toBeCloseTo(100, 4);
  });

  test('discriminatorLoss smooths only the real labels; generatorLoss is −log D(G(z))', () => {
    const real = tf.tensor2d([[2], [1]]);
    const fake = tf.tensor2d([[-1], [0.5]]);
    const expected = (naiveBce(2, 0.9) + naiveBce(1, 0.9) + naiveBce(-1, 0) + naiveBce(0.5, 0)) / 4;
    expect(discriminatorLoss(real, fake, 0.1).dataSync()[0]).toBeCloseTo(expected, 5);
    expect(generatorLoss(fake).dataSync()[0]).toBeCloseTo((-Math.log(1 / (1 + Math.exp(1))) - Math.log(1 / (1 + Math.exp(-0.5)))) / 2, 5);
  });
});
