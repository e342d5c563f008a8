import { expect, test } from 'vitest';
import { instantiateKernels } from '../../src/wasm/_instantiate-kernels';
import { transposedByIndex } from '../_transposed-by-index';

test.each([false, true])('the module compiled for a %s memory runs its kernels on it (shared: the threaded build)', (shared) => {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 16, shared });
  const kernels = instantiateKernels(memory)!;
  expect(kernels).not.toBeNull();
  const heap = new Float32Array(memory.buffer);
  // a 3×5 matrix at 0, its transpose at 64 (byte 256)
  for (let i = 0; i < 15; i++) heap[i] = i;
  kernels.transpose(0, 256, 3, 5);
  expect(Array.from(heap.subarray(64, 79))).toEqual(transposedByIndex(heap.subarray(0, 15), 1, 3, 5));
  // LeakyRelu of 6 values at 128 (byte 512) into 160 (byte 640)
  heap.set([-2, -0.5, 0, 1, 3, -8], 128);
  kernels.leakyRelu(512, 640, 6, 0.25);
  expect(Array.from(heap.subarray(160, 166))).toEqual([-0.5, -0.125, 0, 1, 3, -2]);
  // one Adam step on 5 values: p, g, m, v at 200.., outputs at 300..
  heap.set([1, 2, 3, 4, 5], 200);
  heap.set([0.5, -1, 2, 0, -3], 210);
  kernels.adam(800, 840, 880, 920, 1200, 1240, 1280, 5, 0.9, 0.1, 0.999, 0.001, 1e-8, 0.1);
  expect(Array.from(heap.subarray(310, 315), (m) => Math.fround(m))).toEqual([0.05, -0.1, 0.2, 0, -0.3].map(Math.fround));
  expect(heap[300]).toBeCloseTo(1 - 0.1 * (0.05 / (Math.sqrt(0.00025) + 1e-8)), 5);
  // dropout of 20 values at 400 (byte 1600) into 420: threshold 0 keeps every value (times keep), 2^24
  // (every 24-bit draw below it) drops all; four lanes of 4 values, then 4 more one at a time
  heap.set(
    Array.from({ length: 20 }, (_, i) => i + 1),
    400,
  );
  const lanes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
  kernels.dropout(1600, 1680, 20, 4, 0, 2, ...lanes);
  expect(Array.from(heap.subarray(420, 440))).toEqual(Array.from({ length: 20 }, (_, i) => 2 * (i + 1)));
  kernels.dropout(1600, 1680, 20, 4, 2 ** 24, 2, ...lanes);
  expect(Array.from(heap.subarray(420, 440))).toEqual(new Array(20).fill(0));
  // a moving average of 5 values: average at 500 (byte 2000), current at 510, out at 520; d = 0.75, e = 0.25
  heap.set([1, 2, 3, 4, 5], 500);
  heap.set([5, 4, 3, 2, 1], 510);
  kernels.movingAverage(2000, 2040, 2080, 5, 0.75, 0.25);
  expect(Array.from(heap.subarray(520, 525))).toEqual([2, 2.5, 3, 3.5, 4]);
});
