import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, test } from 'vitest';
import { lowPassKernel } from '../src/_low-pass-kernel';

afterAll(async () => {
  await initBackend('wasm', { env: {} });
});

function maxDifference(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
}

/**
 * The reference: the transposed convolution's whole output (no padding cropped), each channel filtered
 * by the binomial filter with zeros beyond it, then cropped as 'same' crops (the stride-2 'same' padding
 * of a k-kernel puts ⌊(k − 2) / 2⌋ before the image).
 */
function filteredAfter(x: tf.Tensor4D, kernel: tf.Tensor4D, side: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [batch, inSide] = x.shape;
    const [k, , out] = kernel.shape;
    const full = (inSide - 1) * 2 + k;
    const whole = tf.conv2dTranspose(x, kernel, [batch, full, full, out], 2, 'valid');
    const perChannel = tf.reshape(tf.transpose(whole, [0, 3, 1, 2]), [batch * out, full, full, 1]) as tf.Tensor4D;
    const binomial = tf.tensor4d(
      [1, 2, 1, 2, 4, 2, 1, 2, 1].map((w) => w / 16),
      [3, 3, 1, 1],
    );
    const filtered = tf.conv2d(perChannel, binomial, 1, 'same');
    const back = tf.transpose(tf.reshape(filtered, [batch, out, full, full]), [0, 2, 3, 1]);
    const top = Math.floor((full - side) / 2);
    return tf.slice(back, [0, top, top, 0], [batch, side, side, out]) as tf.Tensor4D;
  });
}

describe('lowPassKernel (the binomial filter folded into a transposed convolution)', () => {
  test.each([
    [4, 7, 1],
    [4, 7, 2],
    [3, 4, 1],
    [5, 7, 1],
  ])('kernel %i, %i×%i input, %i output channels: equals filtering the output, borders included', async (k, inSide, out) => {
    await initBackend('cpu', { env: {} });
    const x = tf.randomNormal([2, inSide, inSide, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
    const kernel = tf.randomNormal([k, k, out, 3], 0, 1, 'float32', 2) as tf.Tensor4D;
    const folded = lowPassKernel(kernel);
    expect(folded.shape).toEqual([k + 2, k + 2, out, 3]);
    const side = 2 * inSide;
    const ours = tf.conv2dTranspose(x, folded, [2, side, side, out], 2, 'same');
    const reference = filteredAfter(x, kernel, side);
    // Test the reference too: it must differ from the unfiltered layer.
    const plain = tf.conv2dTranspose(x, kernel, [2, side, side, out], 2, 'same');
    expect(maxDifference(ours, reference)).toBeLessThan(1e-4);
    expect(maxDifference(plain, reference)).toBeGreaterThan(0.1);
    tf.dispose([x, kernel, folded, ours, reference, plain]);
  });

  test('the folded kernel passes nothing at the highest frequency, and its gradient reaches the weights', async () => {
    await initBackend('cpu', { env: {} });
    const kernel = tf.randomNormal([4, 4, 1, 2], 0, 1, 'float32', 3) as tf.Tensor4D;
    const folded = lowPassKernel(kernel);
    // Σ (−1)^(r+c) K'[r, c] = 0: the checkerboard's response is zero whatever the weights.
    const signs = tf.tensor4d(
      Array.from({ length: 36 }, (_, i) => ((Math.floor(i / 6) + (i % 6)) % 2 ? -1 : 1)),
      [6, 6, 1, 1],
    );
    const checkerboard = tf.sum(tf.mul(folded, signs), [0, 1]);
    expect(maxDifference(checkerboard, tf.zerosLike(checkerboard))).toBeLessThan(1e-5);
    // Every weight's gradient of Σ K' is Σ of the filter = 1.
    const gradient = tf.grad((w: tf.Tensor) => tf.sum(lowPassKernel(w as tf.Tensor4D)))(kernel);
    expect(maxDifference(gradient, tf.onesLike(gradient))).toBeLessThan(1e-6);
    tf.dispose([kernel, folded, signs, checkerboard, gradient]);
  });

  test('leaves tf.memory().numTensors unchanged', async () => {
    await initBackend('wasm', { env: {} });
    const kernel = tf.randomNormal([4, 4, 1, 8], 0, 1, 'float32', 4) as tf.Tensor4D;
    lowPassKernel(kernel).dispose();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) lowPassKernel(kernel).dispose();
    expect(tf.memory().numTensors).toBe(before);
    kernel.dispose();
  });
});
