import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { dropout, initBackend, setFastKernels } from '../../src/index';
import { WasmGemm } from '../../src/wasm/wasm-gemm';

// two threads whatever the machine's load: large dropouts are shared with the GEMM's worker
beforeAll(async () => {
  await initBackend('wasm', { threads: 2, env: {} });
});
afterAll(() => setFastKernels(true));

/** Whether two float32 arrays hold the same bits (any NaN matching any NaN). */
function sameBits(a: Float32Array, b: Float32Array): boolean {
  const [bitsA, bitsB] = [new Uint32Array(a.buffer, a.byteOffset, a.length), new Uint32Array(b.buffer, b.byteOffset, b.length)];
  return a.length === b.length && a.every((value, i) => (Number.isNaN(value) ? Number.isNaN(b[i]!) : bitsA[i] === bitsB[i]));
}

describe('dropout kernel', () => {
  // sizes around the four lanes' segments (16 values a round) and long sequences, odd rates, seeds beyond 2^32
  test.each([
    [[1], 0.5, 1],
    [[15], 0.3, 7],
    [[16], 0.3, 8],
    [[17], 0.3, 9],
    [[7, 13], 0.3, 42],
    [[256, 1024], 0.3, 2 ** 40 + 17],
    [[128, 14, 14, 32], 0.25, 1234567],
    [[5], 0.999, -3],
    [[100003], 0.001, 99],
  ])('%j at rate %d, seed %d: the same bits as the JavaScript mask times x, and its gradient as tf.mul’s', (shape, rate, seed) => {
    const x = tf.randomNormal(shape, 0, 1, 'float32', 11);
    const dy = tf.randomNormal(shape, 0, 1, 'float32', 12);
    const run = () =>
      tf.tidy(() => {
        const y = dropout(x, rate, seed);
        const dx = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(dropout(v, rate, seed), dy)))(x);
        return [y.dataSync(), dx.dataSync()] as Float32Array[];
      });
    const before = tf.memory().numTensors;
    const ours = run();
    expect(tf.memory().numTensors).toBe(before);
    setFastKernels(false);
    const javascript = run();
    setFastKernels(true);
    expect(sameBits(ours[0]!, javascript[0]!)).toBe(true);
    expect(sameBits(ours[1]!, javascript[1]!)).toBe(true);
    tf.dispose([x, dy]);
  });

  test('a dropout of 524,288 values or more is shared with the GEMM worker in parts, each drawing its own stretch of the sequence', () => {
    const shared = vi.spyOn(WasmGemm.prototype, 'dropout');
    // sizes around the part boundaries: parts of whole 16-value rounds, the last one shorter or lone values
    for (const size of [524_287, 524_288, 524_289, 524_305, 600_007]) {
      const x = tf.randomNormal([size], 0, 1, 'float32', 5);
      const ours = tf.tidy(() => dropout(x, 0.3, size).dataSync() as Float32Array);
      setFastKernels(false);
      const javascript = tf.tidy(() => dropout(x, 0.3, size).dataSync() as Float32Array);
      setFastKernels(true);
      expect(sameBits(ours, javascript)).toBe(true);
      x.dispose();
    }
    expect(shared.mock.results.map((result) => result.value)).toEqual([true, true, true, true]);
    expect(shared.mock.calls.map(([parts]) => parts.length)).toEqual([4, 4, 4, 4]);
    shared.mockRestore();
  });

  test('x · 0 as tf.mul computes it: NaN and ±Infinity dropped become NaN, −0 kept keeps its sign', () => {
    const x = tf.tensor1d([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, ...new Array(60).fill(-1)]);
    const ours = tf.tidy(() => dropout(x, 0.5, 3).dataSync() as Float32Array);
    setFastKernels(false);
    const javascript = tf.tidy(() => dropout(x, 0.5, 3).dataSync() as Float32Array);
    setFastKernels(true);
    expect(sameBits(ours, javascript)).toBe(true);
    x.dispose();
  });

  test('one kernel on wasm, and none for backprop to keep: the mask is drawn again for the gradient', async () => {
    const x = tf.ones([64, 64]);
    const { kernelNames, result } = await tf.profile(() => dropout(x, 0.5, 1));
    expect(kernelNames).toEqual(['DlkitDropout']);
    tf.dispose([x, result as tf.Tensor]);
  });
});
