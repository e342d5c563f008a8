import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, test } from 'vitest';
import { conv2d, conv2dTranspose, type DenseActivation, initBackend, setFastKernels, setWasmGemm } from '../../src/index';
import { expectAllClose, random } from '../_compare-with-stock';

afterAll(() => {
  setWasmGemm('auto');
  setFastKernels(true);
});

const activations: DenseActivation[] = ['linear', 'relu', 'leakyRelu', 'sigmoid', 'tanh'];

/** The layers' values and gradients for x, filter and bias: the loss sums the outputs times fixed probes. */
function layerGradients(): Float32Array[] {
  return activations.flatMap((activation) =>
    tf.tidy(() => {
      const x = random([3, 9, 9, 4], 1);
      const w = random([5, 5, 4, 6], 2);
      const b = random([6], 3);
      const wT = random([3, 3, 5, 4], 4);
      const bT = random([5], 5);
      const options = { strides: 2, pad: 'same' as const, activation, leakyAlpha: 0.3 };
      const layers = (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor, wTi: tf.Tensor, bTi: tf.Tensor) => [
        conv2d(xi as tf.Tensor4D, wi as tf.Tensor4D, bi as tf.Tensor1D, options),
        conv2dTranspose(xi as tf.Tensor4D, wTi as tf.Tensor4D, [3, 18, 18, 5], bTi as tf.Tensor1D, options),
      ];
      const loss = (...inputs: tf.Tensor[]) => {
        const [y, yT] = layers(...(inputs as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor])) as [tf.Tensor, tf.Tensor];
        return tf.add(tf.sum(tf.mul(y, random(y.shape, 6))), tf.sum(tf.mul(yT, random(yT.shape, 7))));
      };
      const outputs = layers(x, w, b, wT, bT).map((y) => y.dataSync() as Float32Array);
      const grads = tf
        .grads(loss)([x, w, b, wT, bT])
        .map((g) => g.dataSync() as Float32Array);
      return [...outputs, ...grads];
    }),
  );
}

describe("conv2d and conv2dTranspose: values and gradients (x, filter, bias) equal tfjs's ops on cpu", () => {
  test.each([
    ['wasm, FMA GEMM', 'wasm', 'fma'],
    ['wasm, mul+add GEMM', 'wasm', 'mul-add'],
    ['cpu (FusedConv2D with its gradient; the transposed layer in tfjs ops)', 'cpu', 'auto'],
  ] as const)('%s, no tensor leaked', async (_, backend, variant) => {
    await initBackend('cpu', { env: {} });
    setFastKernels(false);
    const expected = layerGradients();
    setFastKernels(true);
    await initBackend(backend, { threads: 1, env: {} });
    setWasmGemm(variant);
    const before = tf.memory().numTensors;
    expectAllClose(layerGradients(), expected);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('shape errors', () => {
  test.each([
    ['conv2d: x and filter must be 4-D', () => conv2d(tf.zeros([2, 3]) as unknown as tf.Tensor4D, tf.zeros([1, 1, 3, 2]) as tf.Tensor4D)],
    [
      'conv2d: x [1,4,4,3] and filter [1,1,2,2] do not fit: x has 3 channels, the filter 2',
      () => conv2d(tf.zeros([1, 4, 4, 3]) as tf.Tensor4D, tf.zeros([1, 1, 2, 2]) as tf.Tensor4D),
    ],
    [
      'conv2d: bias must be [2] for filter [1,1,3,2], found [3]',
      () => conv2d(tf.zeros([1, 4, 4, 3]) as tf.Tensor4D, tf.zeros([1, 1, 3, 2]) as tf.Tensor4D, tf.zeros([3]) as tf.Tensor1D),
    ],
    [
      'conv2dTranspose: x [1,4,4,3] and filter [1,1,3,2] do not fit: x has 3 channels, the filter 2',
      () => conv2dTranspose(tf.zeros([1, 4, 4, 3]) as tf.Tensor4D, tf.zeros([1, 1, 3, 2]) as tf.Tensor4D, [1, 4, 4, 3]),
    ],
  ])('%s', (message, call) => {
    expect(call).toThrow(message);
  });
});
