import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, test } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';
import { random } from '../_compare-with-stock';

afterAll(() => setFastKernels(true));

/** dsum(x, axes)/dx weighted by a probe on the output, with dlkit's gradients (on) or tfjs's (off). */
function sumGradient(x: tf.Tensor, axes: number | number[], keepDims: boolean, on: boolean): Float32Array {
  setFastKernels(on);
  try {
    return tf.tidy(() => {
      const probe = tf.randomUniform(tf.sum(x, axes, keepDims).shape, -1, 1, 'float32', 7);
      const [grad] = tf.grads((v: tf.Tensor) => tf.mul(tf.sum(v, axes, keepDims), probe))([x]);
      return grad!.dataSync() as Float32Array;
    });
  } finally {
    setFastKernels(true);
  }
}

describe.each(['wasm', 'cpu'] as const)('Sum gradient on %s', (backend) => {
  test.each([
    ['a row-wise dot product, [128, 3136] over axis 1 kept', [128, 3136], 1, true],
    ['a loss, [64, 1] over everything', [64, 1], [0, 1], false],
    ['a bias gradient, [8, 5, 5, 3] over [0, 1, 2]', [8, 5, 5, 3], [0, 1, 2], false],
    ['the middle axis of [4, 6, 5]', [4, 6, 5], 1, false],
    ['axes given out of order, [4, 6, 5] over [2, 0]', [4, 6, 5], [2, 0], true],
  ] as const)('%s: the same bits as stock, no tensor leaked', async (_, shape, axes, keepDims) => {
    await initBackend(backend, { env: {} });
    const x = random([...shape], 11);
    const before = tf.memory().numTensors;
    const fast = sumGradient(x, axes as number | number[], keepDims, true);
    expect(tf.memory().numTensors).toBe(before);
    const stock = sumGradient(x, axes as number | number[], keepDims, false);
    expect(Buffer.from(fast.buffer).equals(Buffer.from(stock.buffer))).toBe(true);
    x.dispose();
  });

  test('special values in dy pass through as stock passes them (NaN, ±Infinity, −0)', async () => {
    await initBackend(backend, { env: {} });
    const x = tf.ones([3, 4]);
    const weights = tf.tensor2d([[Number.NaN], [Number.POSITIVE_INFINITY], [-0]]);
    const gradient = (on: boolean) => {
      setFastKernels(on);
      const [grad] = tf.grads((v: tf.Tensor) => tf.mul(tf.sum(v, 1, true), weights))([x]);
      setFastKernels(true);
      const values = grad!.dataSync() as Float32Array;
      grad!.dispose();
      return values;
    };
    expect(Buffer.from(gradient(true).buffer).equals(Buffer.from(gradient(false).buffer))).toBe(true);
    tf.dispose([x, weights]);
  });
});
