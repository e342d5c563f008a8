import { initBackend, setFastKernels } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, test } from 'vitest';
import { conv2dSame, conv2dTransposeSame, convGradientsRun, convLayer, convTransposeLayer, transposedConvolution } from '../src/_same-conv';

afterAll(async () => {
  await initBackend('wasm', { env: {} });
});

function maxDifference(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
}

// The stock gradients need Conv2DBackpropFilter, which the cpu backend has: compare against them there.
describe('convolutions with their own gradients', () => {
  test.each([
    [7, 3, 2],
    [8, 5, 2],
    [6, 3, 1],
  ])('conv2dSame (image side %i, kernel %i, stride %i): gradients match the stock ones', async (size, kernel, stride) => {
    await initBackend('cpu', { env: {} });
    const x = tf.randomNormal([2, size, size, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
    const w = tf.randomNormal([kernel, kernel, 3, 4], 0, 1, 'float32', 2) as tf.Tensor4D;
    const ours = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(conv2dSame(a as tf.Tensor4D, b as tf.Tensor4D, stride))))([
      x,
      w,
    ]);
    const stock = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, 'same'))),
    )([x, w]);
    expect(maxDifference(ours[0]!, stock[0]!)).toBeLessThan(1e-3);
    expect(maxDifference(ours[1]!, stock[1]!)).toBeLessThan(1e-3);
  });

  test.each([
    [7, 14, 5, 2],
    [7, 14, 4, 2],
    [4, 7, 3, 2],
    [5, 5, 3, 1],
    [4, 12, 5, 3],
  ])('transposedConvolution from side %i to %i, kernel %i, stride %i equals tf.conv2dTranspose', async (side, out, kernel, stride) => {
    await initBackend('wasm', { env: {} });
    const x = tf.randomNormal([2, side, side, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
    const w = tf.randomNormal([kernel, kernel, 4, 3], 0, 1, 'float32', 6) as tf.Tensor4D;
    const ours = transposedConvolution(x, w, [2, out, out, 4], stride);
    const stock = tf.conv2dTranspose(x, w, [2, out, out, 4], stride, 'same');
    expect(ours.shape).toEqual(stock.shape);
    expect(maxDifference(ours, stock)).toBeLessThan(1e-4);
  });

  test('conv2dTransposeSame: gradients match the stock ones', async () => {
    await initBackend('cpu', { env: {} });
    const x = tf.randomNormal([2, 4, 4, 6], 0, 1, 'float32', 3) as tf.Tensor4D;
    const w = tf.randomNormal([5, 5, 3, 6], 0, 1, 'float32', 4) as tf.Tensor4D;
    const ours = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.square(conv2dTransposeSame(a as tf.Tensor4D, b as tf.Tensor4D, [2, 8, 8, 3], 2))),
    )([x, w]);
    const stock = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.square(tf.conv2dTranspose(a as tf.Tensor4D, b as tf.Tensor4D, [2, 8, 8, 3], 2, 'same'))),
    )([x, w]);
    expect(maxDifference(ours[0]!, stock[0]!)).toBeLessThan(1e-3);
    expect(maxDifference(ours[1]!, stock[1]!)).toBeLessThan(1e-3);
  });
});

// On wasm the layers are tfjs's conv ops (and @dlkit/backend's fused layers) while its GEMM kernels run
// (they add the missing Conv2DBackpropFilter), and their own gradients with stock kernels: the same
// gradients either way.
describe.each([
  ['with dlkit kernels (tfjs conv ops)', true],
  ['with stock kernels (own gradients)', false],
] as const)('on wasm %s', (_, fast) => {
  test("conv2dSame, conv2dTransposeSame and the layers' gradients equal the cpu backend's", async () => {
    await initBackend('cpu', { env: {} });
    const x = tf.randomNormal([3, 8, 8, 4], 0, 1, 'float32', 11) as tf.Tensor4D;
    const w = tf.randomNormal([5, 5, 4, 6], 0, 1, 'float32', 12) as tf.Tensor4D;
    const wT = tf.randomNormal([5, 5, 2, 4], 0, 1, 'float32', 13) as tf.Tensor4D;
    const bias = tf.randomNormal([6], 0, 1, 'float32', 14) as tf.Tensor1D;
    const biasT = tf.randomNormal([2], 0, 1, 'float32', 15) as tf.Tensor1D;
    const loss = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor, d: tf.Tensor, e: tf.Tensor) => {
      const [x4, w4, wT4] = [a, b, c] as tf.Tensor4D[];
      return tf.addN([
        tf.sum(tf.square(conv2dSame(x4!, w4!, 2))),
        tf.sum(tf.square(conv2dTransposeSame(x4!, wT4!, [3, 16, 16, 2], 2))),
        tf.sum(tf.square(convLayer(x4!, w4!, d as tf.Tensor1D, 2, { activation: 'leakyRelu', leakyAlpha: 0.2 }))),
        tf.sum(tf.square(convTransposeLayer(x4!, wT4!, e as tf.Tensor1D, [3, 16, 16, 2], 2, { activation: 'tanh' }))),
      ]);
    };
    const expected = tf
      .grads(loss)([x, w, wT, bias, biasT])
      .map((g) => g.dataSync() as Float32Array);
    await initBackend('wasm', { threads: 1, env: {} });
    setFastKernels(fast);
    try {
      expect(convGradientsRun()).toBe(fast);
      const values = [x, w, wT, bias, biasT].map((t) => tf.tensor(t.dataSync(), t.shape));
      const before = tf.memory().numTensors;
      const grads = tf.grads(loss)(values);
      grads.forEach((g, i) => {
        const want = expected[i]!;
        const scale = want.reduce((m, v) => Math.max(m, Math.abs(v)), 1);
        const got = g.dataSync();
        let worst = 0;
        for (let j = 0; j < want.length; j++) worst = Math.max(worst, Math.abs(got[j]! - want[j]!));
        expect(worst / scale).toBeLessThan(1e-5);
      });
      tf.dispose(grads);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose(values);
    } finally {
      setFastKernels(true);
    }
  });
});
