import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';
import { WasmKernels } from '../../src/wasm/wasm-kernels';

beforeAll(async () => {
  await initBackend('wasm', { threads: 1, env: {} });
});
afterAll(() => setFastKernels(true));

const ops = { add: tf.add, sub: tf.sub, mul: tf.mul } as const;

test.each([
  // [op, shape of a, shape of b, which of dlkit's passes serves it]
  ['add', [64, 14, 14, 32], [1, 1, 1, 32], 'channel'],
  ['sub', [64, 14, 14, 32], [1, 1, 1, 32], 'channel'],
  ['mul', [64, 14, 14, 32], [32], 'channel'],
  ['mul', [1, 1, 1, 32], [64, 14, 14, 32], 'channel'],
  ['add', [3137], [64, 3137], 'channel'],
  ['mul', [64, 3], [1, 3], 'channel'],
  // one value per row: a bias or normalization of samples in columns, [features, batch]
  ['add', [512, 128], [512, 1], 'row'],
  ['sub', [512, 128], [512, 1], 'row'],
  ['mul', [512, 1], [512, 128], 'row'],
  ['add', [7, 5], [7, 1], 'row'],
  ['mul', [2, 3, 6], [2, 3, 1], 'row'],
  ['sub', [512, 1], [512, 128], 'none'],
  ['add', [5, 1], [5, 1], 'none'],
  ['add', [4, 6], [1, 1], 'none'],
  ['add', [2, 3, 6], [1, 3, 1], 'none'],
  ['add', [5, 6], [5, 6], 'none'],
  ['sub', [1, 32], [64, 32], 'none'],
  ['mul', [64, 14, 14, 32], [1, 14, 1, 32], 'none'],
  ['add', [64, 32], [], 'none'],
] as [keyof typeof ops, number[], number[], 'channel' | 'row' | 'none'][])(
  '%s of %j and %j: the same bits as stock, no tensor leaked (ours: %s)',
  (op, aShape, bShape, served) => {
    const a = tf.randomNormal(aShape, 0, 1, 'float32', 5);
    const b = tf.randomNormal(bShape, 0, 1, 'float32', 6);
    const channelBroadcast = vi.spyOn(WasmKernels.prototype, 'channelBroadcast');
    const rowBroadcast = vi.spyOn(WasmKernels.prototype, 'rowBroadcast');
    const before = tf.memory().numTensors;
    const ours = ops[op](a, b);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(channelBroadcast).toHaveBeenCalledTimes(served === 'channel' ? 1 : 0);
    expect(rowBroadcast).toHaveBeenCalledTimes(served === 'row' ? 1 : 0);
    channelBroadcast.mockRestore();
    rowBroadcast.mockRestore();
    setFastKernels(false);
    const stock = ops[op](a, b);
    setFastKernels(true);
    expect(ours.shape).toEqual(stock.shape);
    expect(Buffer.from(ours.dataSync().buffer).equals(Buffer.from(stock.dataSync().buffer))).toBe(true);
    tf.dispose([a, b, ours, stock]);
  },
);

test('special values pass through as stock computes them (NaN, ±Infinity, −0)', () => {
  const a = tf.tensor2d([NaN, Infinity, -0, 1, -Infinity, 0, 2, 3], [2, 4]);
  const perChannel = tf.tensor1d([1, -Infinity, 0, NaN]);
  const perRow = tf.tensor2d([NaN, -Infinity], [2, 1]);
  for (const b of [perChannel, perRow]) {
    for (const op of Object.values(ops)) {
      const ours = op(a, b);
      setFastKernels(false);
      const stock = op(a, b);
      setFastKernels(true);
      expect(Buffer.from(ours.dataSync().buffer).equals(Buffer.from(stock.dataSync().buffer))).toBe(true);
      tf.dispose([ours, stock]);
    }
  }
  tf.dispose([a, perChannel, perRow]);
});
