import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, test } from 'vitest';
import { type DenseActivation, dense, initBackend, setFastKernels } from '../../src/index';
import { bothGradients, expectAllClose, expectClose, random } from '../_compare-with-stock';

afterAll(() => setFastKernels(true));

describe.each(['wasm', 'cpu'] as const)('dense on %s', (backend) => {
  const activations: DenseActivation[] = ['linear', 'relu', 'leakyRelu', 'sigmoid', 'tanh'];
  test.each(activations)('dense(%s) forward and gradients (x, w, b) match stock tfjs ops', async (activation) => {
    await initBackend(backend, { env: {} });
    const x = random([6, 9], 3);
    const w = random([9, 40], 4);
    const b = random([40], 5);
    const layer = (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) =>
      dense(xi as tf.Tensor2D, wi as tf.Tensor2D, bi as tf.Tensor1D, { activation, leakyAlpha: 0.3 });
    const { fast, stock } = bothGradients((xi, wi, bi) => layer(xi!, wi!, bi!), [x, w, b]);
    expectAllClose(fast, stock);
    const noBias = bothGradients((xi, wi) => dense(xi as tf.Tensor2D, wi as tf.Tensor2D, undefined, { activation }), [x, w]);
    expectAllClose(noBias.fast, noBias.stock);
    // the bias gradient alone (weights frozen) takes the Sum path, not the product by ones
    const biasOnly = bothGradients((bi) => layer(x, w, bi!), [b]);
    expectAllClose(biasOnly.fast, biasOnly.stock);
    setFastKernels(false);
    const expected = tf.tidy(() => layer(x, w, b).dataSync() as Float32Array);
    setFastKernels(true);
    expectClose(
      tf.tidy(() => layer(x, w, b).dataSync() as Float32Array),
      expected,
    );
    tf.dispose([x, w, b]);
  });

  test('dense with a negative leakyAlpha still differentiates correctly (falls back to plain ops)', async () => {
    await initBackend(backend, { env: {} });
    const x = random([3, 4], 8);
    const w = random([4, 5], 9);
    const { fast, stock } = bothGradients(
      (xi, wi) => dense(xi as tf.Tensor2D, wi as tf.Tensor2D, undefined, { activation: 'leakyRelu', leakyAlpha: -0.5 }),
      [x, w],
    );
    expectAllClose(fast, stock);
    tf.dispose([x, w]);
  });

  test('a training step through dense with fast kernels leaks no tensors', async () => {
    await initBackend(backend, { env: {} });
    const w = tf.variable(random([8, 16], 10) as tf.Tensor2D);
    const b = tf.variable(tf.zeros([16]) as tf.Tensor1D);
    const v = tf.variable(random([16, 1], 11) as tf.Tensor2D);
    const optimizer = tf.train.adam(1e-3);
    const x = random([4, 8], 12);
    const step = () =>
      optimizer.minimize(
        () => tf.mean(dense(dense(x as tf.Tensor2D, w, b, { activation: 'leakyRelu' }), v, undefined, { activation: 'sigmoid' })),
        false,
        [w, b, v],
      );
    step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) step();
    expect(tf.memory().numTensors).toBe(before);
    optimizer.dispose();
    tf.dispose([w, b, v, x]);
  });

  test('dense with shapes that do not fit is one clear error naming them, fast kernels on or off', async () => {
    await initBackend(backend, { env: {} });
    const x = tf.zeros([6, 9]) as tf.Tensor2D;
    const w = tf.zeros([8, 40]) as tf.Tensor2D;
    const w9 = tf.zeros([9, 40]) as tf.Tensor2D;
    const b = tf.zeros([41]) as tf.Tensor1D;
    for (const on of [true, false]) {
      setFastKernels(on);
      expect(() => dense(x, w)).toThrow('dense: x [6,9] and weights [8,40] do not fit: x has 9 columns, weights 8 rows');
      expect(() => dense(x, w9, b)).toThrow('dense: bias must be [40] for weights [9,40], found [41]');
      expect(() => dense(tf.zeros([2, 3, 9]) as unknown as tf.Tensor2D, w9)).toThrow('dense: x and weights must be 2-D');
    }
    setFastKernels(true);
    tf.dispose([x, w, w9, b]);
  });
});
