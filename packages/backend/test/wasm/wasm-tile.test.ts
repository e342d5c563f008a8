import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';
import { WasmKernels } from '../../src/wasm/wasm-kernels';

beforeAll(async () => {
  await initBackend('wasm', { threads: 1, env: {} });
});
afterAll(() => setFastKernels(true));

test.each([
  // [shape of x, reps, dtype, whether dlkit's copies serve it]
  [[128, 1], [1, 3136], 'float32', true],
  [[1, 1, 1, 32], [8, 5, 5, 1], 'float32', true],
  [[4, 1, 1, 3], [1, 6, 7, 1], 'float32', true],
  [[1, 5], [3, 1], 'int32', true],
  [[1], [1000], 'float32', true],
  [[2, 3], [2, 2], 'float32', false],
  [[1, 3, 1], [2, 1, 2], 'float32', false],
  [[2, 1], [1, 3], 'bool', false],
] as [number[], number[], tf.DataType, boolean][])(
  'tile %j by %j (%s): the same values as stock, no tensor leaked (ours: %s)',
  (shape, reps, dtype, served) => {
    const x = tf.cast(tf.randomUniform(shape, -50, 50, 'float32', 9), dtype);
    const repeatMiddle = vi.spyOn(WasmKernels.prototype, 'repeatMiddle');
    const before = tf.memory().numTensors;
    const ours = tf.tile(x, reps);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(repeatMiddle).toHaveBeenCalledTimes(served ? 1 : 0);
    repeatMiddle.mockRestore();
    setFastKernels(false);
    const stock = tf.tile(x, reps);
    setFastKernels(true);
    expect(ours.shape).toEqual(stock.shape);
    expect(ours.dtype).toBe(stock.dtype);
    expect(Array.from(ours.dataSync())).toEqual(Array.from(stock.dataSync()));
    tf.dispose([x, ours, stock]);
  },
);

test('broadcastTo, which runs Tile, spreads a [128, 1] column over [128, 3136] with ours', () => {
  const column = tf.randomNormal([128, 1], 0, 1, 'float32', 2);
  const repeatMiddle = vi.spyOn(WasmKernels.prototype, 'repeatMiddle');
  const spread = tf.broadcastTo(column, [128, 3136]);
  expect(repeatMiddle).toHaveBeenCalledTimes(1);
  repeatMiddle.mockRestore();
  const values = spread.dataSync();
  const source = column.dataSync();
  expect(values[5 * 3136 + 3000]).toBe(source[5]);
  expect(values[127 * 3136]).toBe(source[127]);
  tf.dispose([column, spread]);
});
