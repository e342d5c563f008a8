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
  // [op, shape of a, shape of b, whether dlkit's channel pass serves it]
  ['add', [64, 14, 14, 32], [1, 1, 1, 32], true],
  ['sub', [64, 14, 14, 32], [1, 1, 1, 32], true],
  ['mul', [64, 14, 14, 32], [32], true],
  ['mul', [1, 1, 1, 32], [64, 14, 14, 32], true],
  ['add', [3137], [64, 3137], true],
  ['mul', [64, 3], [1, 3], true],
  ['add', [5, 6], [5, 6], false],
  ['sub', [1, 32], [64, 32], false],
  ['mul', [64, 14, 14, 32], [1, 14, 1, 32], false],
  ['add', [64, 32], [], false],
] as [keyof typeof ops, number[], number[], boolean][])(
  '%s of %j and %j: the same bits as stock, no tensor leaked (ours: %s)',
  (op, aShape, bShape, served) => {
    const a = tf.randomNormal(aShape, 0, 1, 'float32', 5);
    const b = tf.randomNormal(bShape, 0, 1, 'float32', 6);
    const channelBroadcast = vi.spyOn(WasmKernels.prototype, 'channelBroadcast');
    const before = tf.memory().numTensors;
    const ours = ops[op](a, b);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(channelBroadcast).toHaveBeenCalledTimes(served ? 1 : 0);
    channelBroadcast.mockRestore();
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
  const b = tf.tensor1d([1, -Infinity, 0, NaN]);
  for (const op of Object.values(ops)) {
    const ours = op(a, b);
    setFastKernels(false);
    const stock = op(a, b);
    setFastKernels(true);
    expect(Buffer.from(ours.dataSync().buffer).equals(Buffer.from(stock.dataSync().buffer))).toBe(true);
    tf.dispose([ours, stock]);
  }
  tf.dispose([a, b]);
});
