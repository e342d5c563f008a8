import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dropout, initBackend, setFastKernels } from '../../src/index';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});
afterAll(() => setFastKernels(true));

describe('dropout mask kernel', () => {
  test('draws the same mask as the JavaScript generator, bit for bit, and is what runs on wasm', async () => {
    for (const [shape, rate, seed] of [
      [[1], 0.5, 1],
      [[7, 13], 0.3, 42],
      [[256, 1024], 0.3, 2 ** 40 + 17],
      [[5], 0.999, -3],
    ] as const) {
      const x = tf.ones([...shape]);
      const ours = tf.tidy(() => Array.from(dropout(x, rate, seed).dataSync()));
      setFastKernels(false);
      const javascript = tf.tidy(() => Array.from(dropout(x, rate, seed).dataSync()));
      setFastKernels(true);
      expect(ours).toEqual(javascript);
      x.dispose();
    }
    const x = tf.ones([4, 4]);
    const { kernelNames } = await tf.profile(() => dropout(x, 0.5, 1));
    expect(kernelNames).toContain('DlkitDropoutMask');
    x.dispose();
  });
});
