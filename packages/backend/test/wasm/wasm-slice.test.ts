import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';
import { WasmKernels } from '../../src/wasm/wasm-kernels';
import { outputsOursAndStock as oursAndStock } from '../_compare-with-stock';

beforeAll(async () => {
  await initBackend('wasm', { threads: 1, env: {} });
});
afterAll(() => setFastKernels(true));

function tensorOf(shape: number[], dtype: 'float32' | 'int32' | 'bool'): tf.Tensor {
  const values = Array.from({ length: tf.util.sizeFromShape(shape) }, (_, i) => (i * 7919) % 1000);
  if (dtype === 'bool')
    return tf.tensor(
      values.map((v) => v % 3 === 0),
      shape,
      'bool',
    );
  return tf.tensor(dtype === 'float32' ? values.map((v) => v / 8 - 60) : values, shape, dtype);
}

test.each([
  // [shape, begin, size]: boxes that cut the outermost axis only, an inner axis, the last axis, several axes
  [
    [256, 794],
    [0, 784],
    [256, 10],
  ],
  [
    [256, 794],
    [0, 0],
    [256, 784],
  ],
  [
    [256, 794],
    [3, 0],
    [100, 794],
  ],
  [
    [51, 64, 128],
    [50, 0, 0],
    [1, 64, 128],
  ],
  [
    [4, 5, 6, 7],
    [1, 2, 3, 4],
    [2, 3, 2, 3],
  ],
  [
    [4, 5, 6, 7],
    [0, 1, 0, 0],
    [4, 3, 6, 7],
  ],
  [
    [2, 3, 4, 5, 6],
    [1, 0, 2, 1, 3],
    [1, 3, 2, 4, 2],
  ],
  [[9], [2], [5]],
  [
    [3, 4],
    [0, 0],
    [3, 4],
  ],
  [
    [3, 4],
    [1, 1],
    [0, 2],
  ],
] as [number[], number[], number[]][])("slice of %j at %j, size %j: the same values as stock, by dlkit's copies", (shape, begin, size) => {
  for (const dtype of ['float32', 'int32', 'bool'] as const) {
    const x = tensorOf(shape, dtype);
    const slice = vi.spyOn(WasmKernels.prototype, 'slice');
    const { ours, stock } = oursAndStock(() => tf.slice(x, begin, size));
    expect(slice).toHaveBeenCalledTimes(1);
    slice.mockRestore();
    expect(ours).toEqual(stock);
    x.dispose();
  }
});

test('any box of any shape up to rank 5: the same values as stock (property)', () => {
  fc.assert(
    fc.property(
      fc
        .array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 })
        .chain((shape) =>
          fc.tuple(
            fc.constant(shape),
            fc.tuple(...shape.map((extent) => fc.integer({ min: 0, max: extent - 1 }))),
            fc.tuple(...shape.map(() => fc.double({ min: 0, max: 1, noNaN: true }))),
          ),
        ),
      ([shape, begin, fractions]) => {
        const size = shape.map((extent, i) => Math.round(fractions[i]! * (extent - begin[i]!)));
        const x = tensorOf(shape, 'float32');
        const { ours, stock } = oursAndStock(() => tf.slice(x, begin, size));
        expect(ours).toEqual(stock);
        x.dispose();
      },
    ),
    { numRuns: 200 },
  );
});

test('split (SplitV) and unstack (Unpack) along every axis: the same pieces as stock', () => {
  const x = tensorOf([4, 6, 5], 'float32');
  for (let axis = 0; axis < 3; axis++) {
    const extent = x.shape[axis]!;
    const { ours: split, stock: stockSplit } = oursAndStock(() => tf.split(x, [1, extent - 3, 2], axis));
    expect(split.map((piece) => piece.shape)).toEqual(stockSplit.map((piece) => piece.shape));
    expect(split).toEqual(stockSplit);
    const { ours: unstacked, stock: stockUnstacked } = oursAndStock(() => tf.unstack(x, axis));
    expect(unstacked).toHaveLength(extent);
    expect(unstacked).toEqual(stockUnstacked);
  }
  const ints = tensorOf([3, 4], 'int32');
  const { ours, stock } = oursAndStock(() => [...tf.split(ints, 2, 1), ...tf.unstack(ints, -1)]);
  expect(ours).toEqual(stock);
  tf.dispose([x, ints]);
});

test("slices, splits and unstacks leak no tensor, and their gradients are stock's", () => {
  const x = tf.randomNormal([6, 5, 4], 0, 1, 'float32', 3);
  const before = tf.memory().numTensors;
  tf.dispose([tf.slice(x, [1, 0, 1], [3, 5, 2]), ...tf.split(x, [2, 4], 0), ...tf.unstack(x, 1)]);
  expect(tf.memory().numTensors).toBe(before);
  const f = (t: tf.Tensor) =>
    tf.add(
      tf.sum(tf.mul(tf.slice(t, [1, 0, 1], [3, 5, 2]), 2)),
      tf.sum(tf.mul(tf.unstack(t, 2)[3]!, tf.sum(tf.split(t, [1, 2, 3], 0)[2]!))),
    );
  const { ours, stock } = oursAndStock(() => tf.grad(f)(x));
  expect(ours).toEqual(stock);
  x.dispose();
});

test('string tensors go to the stock kernels', () => {
  const words = tf.tensor([
    ['a', 'b', 'c'],
    ['d', 'e', 'f'],
  ]);
  const slice = vi.spyOn(WasmKernels.prototype, 'slice');
  expect(tf.slice(words, [0, 1], [2, 1]).arraySync()).toEqual([['b'], ['e']]);
  expect(tf.unstack(words)[1]!.arraySync()).toEqual(['d', 'e', 'f']);
  expect(slice).not.toHaveBeenCalled();
  slice.mockRestore();
  words.dispose();
});
