import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';
import { WasmKernels } from '../../src/wasm/wasm-kernels';
import { outputsOursAndStock as oursAndStock } from '../_compare-with-stock';

beforeAll(async () => {
  await initBackend('wasm', { threads: 1, env: {} });
});
afterAll(() => setFastKernels(true));

const filled = (shape: number[], start: number, dtype: 'float32' | 'int32' = 'float32') =>
  tf.tensor(
    Array.from({ length: tf.util.sizeFromShape(shape) }, (_, i) => start + i),
    shape,
    dtype,
  );

test.each([
  // [shapes, axis]
  [
    [
      [128, 784],
      [128, 10],
    ],
    1,
  ],
  [
    [
      [64, 128],
      [64, 64],
    ],
    1,
  ],
  [
    [
      [2, 3],
      [4, 3],
      [1, 3],
    ],
    0,
  ],
  [
    [
      [2, 3, 4],
      [2, 1, 4],
      [2, 2, 4],
    ],
    1,
  ],
  [
    [
      [2, 3, 4],
      [2, 3, 1],
    ],
    -1,
  ],
  [
    [
      [3, 0],
      [3, 2],
      [3, 1],
    ],
    1,
  ],
] as [number[][], number][])("concat of %j along %i: the same values as stock, by dlkit's copies", (shapes, axis) => {
  for (const dtype of ['float32', 'int32'] as const) {
    const parts = shapes.map((shape, i) => filled(shape, 1000 * i, dtype));
    const concat = vi.spyOn(WasmKernels.prototype, 'concat');
    const { ours, stock } = oursAndStock(() => tf.concat(parts, axis));
    expect(concat).toHaveBeenCalledTimes(1);
    concat.mockRestore();
    expect(ours).toEqual(stock);
    tf.dispose(parts);
  }
});

test('stack (Pack) along every axis, of floats and of booleans: the same values as stock', () => {
  const parts = [filled([3, 4], 0), filled([3, 4], 100), filled([3, 4], 200)];
  for (const axis of [0, 1, 2, -1]) {
    const { ours, stock } = oursAndStock(() => tf.stack(parts, axis));
    expect(ours).toEqual(stock);
  }
  const flags = [tf.tensor([true, false]), tf.tensor([false, false]), tf.tensor([true, true])];
  const { ours, stock } = oursAndStock(() => tf.stack(flags, 1));
  expect(ours).toEqual(stock);
  tf.dispose([...parts, ...flags]);
});

test("a single input, strings and mixed pieces go to stock; nothing leaks; the gradient is stock's", () => {
  const concat = vi.spyOn(WasmKernels.prototype, 'concat');
  const words = tf.concat([tf.tensor(['a']), tf.tensor(['b', 'c'])]);
  expect(words.arraySync()).toEqual(['a', 'b', 'c']);
  const one = filled([2, 2], 5);
  expect(tf.concat([one]).arraySync()).toEqual(one.arraySync());
  expect(concat).not.toHaveBeenCalled();
  concat.mockRestore();
  const a = tf.randomNormal([4, 3], 0, 1, 'float32', 1);
  const b = tf.randomNormal([4, 5], 0, 1, 'float32', 2);
  const before = tf.memory().numTensors;
  tf.dispose([tf.concat([a, b], 1), tf.stack([a, a])]);
  expect(tf.memory().numTensors).toBe(before);
  const probe = tf.randomNormal([4, 8], 0, 1, 'float32', 3);
  const grads = (on: boolean) => {
    setFastKernels(on);
    return tf
      .grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.concat([x, y], 1), probe)))([a, b])
      .map((g) => Array.from(g.dataSync()));
  };
  const ours = grads(true);
  expect(grads(false)).toEqual(ours);
  setFastKernels(true);
  tf.dispose([words, one, a, b, probe]);
});
