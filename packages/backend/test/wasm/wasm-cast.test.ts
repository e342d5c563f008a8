import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';

beforeAll(async () => {
  await initBackend('wasm', { threads: 1, env: {} });
});
afterAll(() => setFastKernels(true));

test('a cast to the same dtype shares the buffer, keeps its values after the source is disposed', () => {
  for (const [values, dtype] of [
    [[1, -2, 3.5, Number.NaN], 'float32'],
    [[1, -2, 3, 4], 'int32'],
    [[1, 0, 1, 1], 'bool'],
  ] as const) {
    const x = tf.tensor2d(values as unknown as number[], [2, 2], dtype);
    const expected = Array.from(x.dataSync());
    const buffers = tf.memory().numDataBuffers;
    const y = tf.cast(x, dtype);
    expect(tf.memory().numDataBuffers).toBe(buffers);
    x.dispose();
    expect(y.dtype).toBe(dtype);
    expect(Array.from(y.dataSync())).toEqual(expected);
    y.dispose();
  }
});

test("a cast to another dtype is stock's conversion, and setFastKernels(false) restores the copying kernel", () => {
  const x = tf.tensor1d([1.7, -2.2, 0, 3]);
  const buffers = tf.memory().numDataBuffers;
  const ours = [tf.cast(x, 'int32'), tf.cast(x, 'bool')];
  expect(tf.memory().numDataBuffers).toBe(buffers + 2);
  expect(Array.from(ours[0]!.dataSync())).toEqual([1, -2, 0, 3]);
  setFastKernels(false);
  const stock = [tf.cast(x, 'int32'), tf.cast(x, 'bool')];
  const copy = tf.cast(x, 'float32');
  expect(tf.memory().numDataBuffers).toBe(buffers + 5);
  setFastKernels(true);
  for (const [i, cast] of ours.entries()) expect(Array.from(cast.dataSync())).toEqual(Array.from(stock[i]!.dataSync()));
  tf.dispose([x, ...ours, ...stock, copy]);
});
