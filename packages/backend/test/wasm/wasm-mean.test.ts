import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';
import { WasmKernels } from '../../src/wasm/wasm-kernels';

beforeAll(async () => {
  await initBackend('wasm', { threads: 1, env: {} });
});
afterAll(() => setFastKernels(true));

test.each([
  // [shape, axes, keepDims, whether dlkit's column means serve it]
  [[256, 14, 14, 32], [0, 1, 2], false, true],
  [[64, 14, 14, 32], [0, 1, 2], true, true],
  [[3, 4099], [0], false, true],
  [[7, 3], [0], true, true],
  [[100, 1001], 0, false, true],
  [[5, 4, 6], [1, 0], false, false],
  [[5, 4, 6], [1, 2], false, false],
  [[5, 4, 6], -1, true, false],
] as [number[], number | number[], boolean, boolean][])(
  'mean over %j axes %j (keepDims %s): the same bits as stock, no tensor leaked (ours: %s)',
  (shape, axes, keepDims, served) => {
    const x = tf.randomNormal(shape, 0, 1, 'float32', 3);
    const columnMeans = vi.spyOn(WasmKernels.prototype, 'columnMeans');
    const before = tf.memory().numTensors;
    const ours = tf.mean(x, axes, keepDims);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(columnMeans).toHaveBeenCalledTimes(served ? 1 : 0);
    columnMeans.mockRestore();
    setFastKernels(false);
    const stock = tf.mean(x, axes, keepDims);
    setFastKernels(true);
    expect(ours.shape).toEqual(stock.shape);
    expect(Buffer.from(ours.dataSync().buffer).equals(Buffer.from(stock.dataSync().buffer))).toBe(true);
    tf.dispose([x, ours, stock]);
  },
);
