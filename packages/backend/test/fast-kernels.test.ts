import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, test } from 'vitest';
import { type DenseActivation, dense, denseByColumns, fastKernelsEnabled, initBackend, setFastKernels } from '../src/index';

afterAll(() => setFastKernels(true));

/** Gradients of sum(f(...inputs) · probe) with dlkit's fast kernels and with tfjs's stock ones. */
function bothGradients(f: (...inputs: tf.Tensor[]) => tf.Tensor, inputs: tf.Tensor[]): { fast: Float32Array[]; stock: Float32Array[] } {
  const run = (on: boolean) => {
    setFastKernels(on);
    return tf.tidy(() => {
      const probe = tf.randomUniform(f(...inputs).shape, -1, 1, 'float32', 7);
      const grads = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(f(...xs), probe)))(inputs);
      return grads.map((g) => g.dataSync() as Float32Array);
    });
  };
  const fast = run(true);
  const stock = run(false);
  setFastKernels(true);
  return { fast, stock };
}

function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  const scale = expected.reduce((largest, value) => Math.max(largest, Math.abs(value)), 1);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs((actual[i] ?? Number.NaN) - (expected[i] ?? 0)));
  expect(worst / scale).toBeLessThan(1e-5);
}

function expectAllClose(actual: Float32Array[], expected: Float32Array[]): void {
  expect(actual.length).toBe(expected.length);
  for (const [i, values] of actual.entries()) expectClose(values, expected[i]!);
}

const random = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);

describe.each(['wasm', 'cpu'] as const)('fast kernels on %s', (backend) => {
  test('setFastKernels(false) restores the stock gradients, true puts ours back', async () => {
    await initBackend(backend, { env: {} });
    expect(fastKernelsEnabled()).toBe(true);
    const fast = tf.getGradient(tf.BatchMatMul);
    expect(tf.getGradient(tf._FusedMatMul)).toBeDefined();
    setFastKernels(false);
    expect(fastKernelsEnabled()).toBe(false);
    expect(tf.getGradient(tf.BatchMatMul)).not.toBe(fast);
    expect(tf.getGradient(tf._FusedMatMul)).toBeUndefined();
    setFastKernels(true);
    expect(tf.getGradient(tf.BatchMatMul)).toBe(fast);
  });

  // [a shape, b shape]: plain products, ones where the swapped form wins (wide b), and batched ones.
  const products: [number[], number[]][] = [
    [
      [5, 7],
      [7, 3],
    ],
    [
      [4, 6],
      [6, 40],
    ],
    [
      [40, 6],
      [6, 4],
    ],
    [
      [1, 4, 6],
      [1, 6, 40],
    ],
    [
      [3, 4, 6],
      [3, 6, 5],
    ],
    // long multiples of 128 rows take the N-D transpose path
    [
      [512, 6],
      [6, 4],
    ],
    [
      [4, 512],
      [512, 640],
    ],
  ];
  test.each(products)('matMul gradients match stock for a %j, b %j, every transpose', async (aShape, bShape) => {
    await initBackend(backend, { env: {} });
    for (const transposeA of [false, true]) {
      for (const transposeB of [false, true]) {
        const swap = (shape: number[], on: boolean) => (on ? [...shape.slice(0, -2), shape.at(-1)!, shape.at(-2)!] : shape);
        const a = random(swap(aShape, transposeA), 1);
        const b = random(swap(bShape, transposeB), 2);
        const { fast, stock } = bothGradients((x, y) => tf.matMul(x!, y!, transposeA, transposeB), [a, b]);
        expectAllClose(fast, stock);
        tf.dispose([a, b]);
      }
    }
  });

  test('leakyRelu gradient matches stock, including at 0 and for alpha 0', async () => {
    await initBackend(backend, { env: {} });
    const x = tf.tensor1d([-2, -0.5, 0, 0.5, 3]);
    for (const alpha of [0.2, 0, 1.5]) {
      const { fast, stock } = bothGradients((v) => tf.leakyRelu(v!, alpha), [x]);
      expectClose(fast[0]!, stock[0]!);
    }
    x.dispose();
  });

  test.each([
    ['[256, 1] rows 0..128', [256, 1], [0, 0], [128, 1]],
    ['[256, 1] rows 128..', [256, 1], [128, 0], [-1, 1]],
    ['[6, 8, 3] middle of axis 1', [6, 8, 3], [0, 2, 0], [6, 3, 3]],
    ['[6, 8] along two axes', [6, 8], [1, 2], [3, 4]],
    ['[300, 20] larger than the copy path', [300, 20], [10, 0], [200, 20]],
  ] as const)('slice gradient matches stock: %s', async (_, shape, begin, size) => {
    await initBackend(backend, { env: {} });
    const x = random([...shape], 13);
    const { fast, stock } = bothGradients((v) => tf.slice(v!, [...begin], [...size]), [x]);
    expectAllClose(fast, stock);
    x.dispose();
  });

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

describe('wasm Identity with fast kernels', () => {
  test('tf.clone shares the buffer, keeps values after the source is disposed, and setFastKernels(false) restores the copying kernel', async () => {
    await initBackend('wasm', { env: {} });
    const shared = tf.getKernel(tf.Identity, 'wasm');
    const x = tf.tensor2d([1, -2, 3.5, 4], [2, 2]);
    const buffersBefore = tf.memory().numDataBuffers;
    const y = tf.clone(x);
    expect(tf.memory().numDataBuffers).toBe(buffersBefore); // no second buffer
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, -2, 3.5, 4]);
    y.dispose();
    const v = tf.variable(tf.tensor1d([1, 2]));
    const saved = tf.clone(v);
    v.assign(tf.tensor1d([5, 6]));
    expect(Array.from(saved.dataSync())).toEqual([1, 2]); // assign takes a new buffer
    tf.dispose([v, saved]);
    setFastKernels(false);
    expect(tf.getKernel(tf.Identity, 'wasm')).not.toBe(shared);
    const z = tf.tensor1d([7, 8]);
    const before = tf.memory().numDataBuffers;
    const copy = tf.clone(z);
    expect(tf.memory().numDataBuffers).toBe(before + 1);
    setFastKernels(true);
    const buffers = tf.memory().numDataBuffers;
    const again = tf.clone(z);
    expect(tf.memory().numDataBuffers).toBe(buffers);
    tf.dispose([z, copy, again]);
  });
});
