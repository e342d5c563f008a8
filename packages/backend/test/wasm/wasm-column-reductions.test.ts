import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';
import { WasmKernels } from '../../src/wasm/wasm-kernels';

beforeAll(async () => {
  await initBackend('wasm', { threads: 1, env: {} });
});
afterAll(() => setFastKernels(true));

// Sum and Mean over every axis but the last: dlkit's column sums (and means) on wasm.
const reductions = [
  ['sum', tf.sum, 'columnSums'],
  ['mean', tf.mean, 'columnMeans'],
] as const;

describe.each(reductions)('%s', (_, reduce, kernel) => {
  test.each([
    // [shape, axes, keepDims, whether dlkit's column kernel serves it]
    [[256, 14, 14, 32], [0, 1, 2], false, true],
    [[64, 14, 14, 32], [0, 1, 2], true, true],
    [[3, 4099], [0], false, true],
    [[7, 3], [0], true, true],
    [[100, 1001], 0, false, true],
    [[5, 4, 6], [1, 0], false, false],
    [[5, 4, 6], [1, 2], false, false],
    [[5, 4, 6], -1, true, false],
  ] as [number[], number | number[], boolean, boolean][])(
    'over %j axes %j (keepDims %s): the same bits as stock, no tensor leaked (ours: %s)',
    (shape, axes, keepDims, served) => {
      const x = tf.randomNormal(shape, 0, 1, 'float32', 3);
      const spy = vi.spyOn(WasmKernels.prototype, kernel);
      const before = tf.memory().numTensors;
      const ours = reduce(x, axes, keepDims);
      expect(tf.memory().numTensors).toBe(before + 1);
      expect(spy).toHaveBeenCalledTimes(served ? 1 : 0);
      spy.mockRestore();
      setFastKernels(false);
      const stock = reduce(x, axes, keepDims);
      setFastKernels(true);
      expect(ours.shape).toEqual(stock.shape);
      expect(Buffer.from(ours.dataSync().buffer).equals(Buffer.from(stock.dataSync().buffer))).toBe(true);
      tf.dispose([x, ours, stock]);
    },
  );
});
