import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';

beforeAll(async () => {
  await initBackend('wasm', { threads: 1, env: {} });
});
afterAll(() => setFastKernels(true));

test.each([
  [[256, 14, 14, 32], [0, 1, 2], false],
  [[7, 3], [0], true],
  [[100, 1001], 0, false],
  [[5, 4, 6], [1, 0], false],
  [[5, 4, 6], [1, 2], false],
  [[5, 4, 6], -1, true],
] as [number[], number | number[], boolean][])(
  'sum over %j axes %j (keepDims %s): the same bits as stock, no tensor leaked',
  (shape, axes, keepDims) => {
    const x = tf.randomNormal(shape, 0, 1, 'float32', 3);
    const before = tf.memory().numTensors;
    const ours = tf.sum(x, axes, keepDims);
    expect(tf.memory().numTensors).toBe(before + 1);
    setFastKernels(false);
    const stock = tf.sum(x, axes, keepDims);
    setFastKernels(true);
    expect(ours.shape).toEqual(stock.shape);
    expect(Buffer.from(ours.dataSync().buffer).equals(Buffer.from(stock.dataSync().buffer))).toBe(true);
    tf.dispose([x, ours, stock]);
  },
);
