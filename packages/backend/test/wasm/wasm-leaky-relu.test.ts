import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});
afterAll(() => setFastKernels(true));

describe('leakyRelu kernel', () => {
  test('equals stock wasm LeakyRelu bit for bit, vector body and tail, for every alpha', () => {
    const special = [-0, 0, -1e-30, 1e-30, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const size of [1, 3, 4, 5, 37, 4099]) {
      const x = tf.tensor1d(Float32Array.from({ length: size }, (_, i) => special[i] ?? Math.sin(i * 12.9898) * 43758.5453 * 1e-3));
      for (const alpha of [0.2, 0, 1.5, -0.5]) {
        const ours = tf.leakyRelu(x, alpha);
        setFastKernels(false);
        const stock = tf.leakyRelu(x, alpha);
        setFastKernels(true);
        expect(Array.from(ours.dataSync())).toEqual(Array.from(stock.dataSync()));
        tf.dispose([ours, stock]);
      }
      x.dispose();
    }
  });
});
