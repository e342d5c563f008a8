import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, test } from 'vitest';
import { type DenseActivation, dense, denseByColumns, initBackend, setFastKernels } from '../../src/index';
import { expectAllClose, expectClose, random } from '../_compare-with-stock';

afterAll(() => setFastKernels(true));

describe.each(['wasm', 'cpu'] as const)('denseByColumns on %s', (backend) => {
  const activations: DenseActivation[] = ['linear', 'relu', 'leakyRelu', 'sigmoid', 'tanh'];

  test.each(activations)(
    'denseByColumns(%s) is dense on transposed samples: values and gradients (x, w, b), fast and stock',
    async (activation) => {
      await initBackend(backend, { env: {} });
      const xColumns = random([9, 6], 3);
      const w = random([9, 40], 4);
      const b = random([40], 5);
      const options = { activation, leakyAlpha: 0.3 };
      const byColumns = (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) =>
        denseByColumns(xi as tf.Tensor2D, wi as tf.Tensor2D, bi as tf.Tensor1D, options);
      const byRows = (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) =>
        tf.transpose(dense(tf.transpose(xi) as tf.Tensor2D, wi as tf.Tensor2D, bi as tf.Tensor1D, options));
      for (const on of [true, false]) {
        setFastKernels(on);
        const gradients = (f: typeof byColumns) =>
          tf.tidy(() => {
            const probe = tf.randomUniform([40, 6], -1, 1, 'float32', 7);
            const loss = (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) => tf.sum(tf.mul(f(xi, wi, bi), probe));
            return [f(xColumns, w, b), ...tf.grads(loss as (...xs: tf.Tensor[]) => tf.Tensor)([xColumns, w, b])].map(
              (t) => t.dataSync() as Float32Array,
            );
          });
        expectAllClose(gradients(byColumns), gradients(byRows));
      }
      setFastKernels(true);
      const noBias = tf.tidy(
        () => denseByColumns(xColumns as tf.Tensor2D, w as tf.Tensor2D, undefined, options).dataSync() as Float32Array,
      );
      const noBiasRows = tf.tidy(
        () => tf.transpose(dense(tf.transpose(xColumns) as tf.Tensor2D, w as tf.Tensor2D, undefined, options)).dataSync() as Float32Array,
      );
      expectClose(noBias, noBiasRows);
      tf.dispose([xColumns, w, b]);
    },
  );

  test('a training step through denseByColumns leaks no tensors; shapes that do not fit are one clear error', async () => {
    await initBackend(backend, { env: {} });
    const w = tf.variable(random([8, 16], 10) as tf.Tensor2D);
    const b = tf.variable(tf.zeros([16]) as tf.Tensor1D);
    const x = random([8, 4], 12) as tf.Tensor2D;
    const optimizer = tf.train.sgd(0.1);
    const step = () => optimizer.minimize(() => tf.mean(denseByColumns(x, w, b, { activation: 'leakyRelu' })), false, [w, b]);
    step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) step();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => denseByColumns(tf.transpose(x), w)).toThrow(
      'denseByColumns: x [4,8] and weights [8,16] do not fit: x has 4 rows (features), weights 8',
    );
    expect(() => denseByColumns(x, w, tf.zeros([3]) as tf.Tensor1D)).toThrow(
      'denseByColumns: bias must be [16] for weights [8,16], found [3]',
    );
    expect(() => denseByColumns(tf.zeros([8]) as unknown as tf.Tensor2D, w)).toThrow('denseByColumns: x and weights must be 2-D');
    optimizer.dispose();
    tf.dispose([w, b, x]);
  });
});
