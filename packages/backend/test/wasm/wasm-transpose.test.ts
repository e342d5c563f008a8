import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';
import { transposedByIndex } from '../_transposed-by-index';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});
afterAll(() => setFastKernels(true));

describe('transpose kernel', () => {
  test('swaps the last two axes of any float32 or int32 shape, edges and batches included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 70 }),
        fc.boolean(),
        (matrices, rows, columns, int) => {
          const size = matrices * rows * columns;
          const values = Float32Array.from({ length: size }, (_, i) => i * 1.5 - 7);
          const x = int
            ? tf.tensor3d(Int32Array.from(values), [matrices, rows, columns], 'int32')
            : tf.tensor3d(values, [matrices, rows, columns]);
          const y = tf.transpose(x, [0, 2, 1]);
          expect(y.shape).toEqual([matrices, columns, rows]);
          expect(Array.from(y.dataSync())).toEqual(transposedByIndex(x.dataSync() as Float32Array, matrices, rows, columns));
          tf.dispose([x, y]);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('large matrices whose rows are multiples of 128 (the shapes stock wasm is slowest at)', () => {
    for (const [rows, columns] of [
      [1024, 784],
      [512, 1024],
    ] as const) {
      const x = tf.randomNormal([rows, columns], 0, 1, 'float32', 3);
      const y = tf.transpose(x);
      expect(Array.from(y.dataSync())).toEqual(transposedByIndex(x.dataSync() as Float32Array, 1, rows, columns));
      tf.dispose([x, y]);
    }
  });

  test('other permutations and setFastKernels(false) use the stock kernel, with the same values', () => {
    const x = tf.randomNormal([3, 4, 5], 0, 1, 'float32', 4);
    const ours = tf.transpose(x, [0, 2, 1]).dataSync();
    const other = tf.transpose(x, [2, 0, 1]);
    expect(other.shape).toEqual([5, 3, 4]);
    const ourKernel = tf.getKernel(tf.Transpose, 'wasm');
    setFastKernels(false);
    expect(tf.getKernel(tf.Transpose, 'wasm')).not.toBe(ourKernel);
    expect(Array.from(tf.transpose(x, [0, 2, 1]).dataSync())).toEqual(Array.from(ours));
    expect(Array.from(tf.transpose(x, [2, 0, 1]).dataSync())).toEqual(Array.from(other.dataSync()));
    setFastKernels(true);
    expect(tf.getKernel(tf.Transpose, 'wasm')).toBe(ourKernel);
    tf.dispose([x, other]);
  });
});
