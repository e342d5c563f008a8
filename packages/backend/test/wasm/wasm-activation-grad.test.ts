import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { BackendError, initBackend, setFastKernels } from '../../src/index';
import { activationGradKernelName } from '../../src/wasm/wasm-activation-grad';
import { WasmKernels } from '../../src/wasm/wasm-kernels';

beforeAll(async () => {
  await initBackend('wasm', { threads: 1, env: {} });
});
afterAll(() => setFastKernels(true));

/** Whether two float32 arrays hold the same values bit for bit, any NaN matching any NaN. */
function sameValues(a: Float32Array, b: Float32Array): boolean {
  const bitsA = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const bitsB = new Uint32Array(b.buffer, b.byteOffset, b.length);
  return a.length === b.length && a.every((value, i) => (Number.isNaN(value) ? Number.isNaN(b[i]!) : bitsA[i] === bitsB[i]));
}

/** x with the awkward values first (NaN, ±0, ±Infinity), then `size − 6` normal ones. */
function awkward(size: number): tf.Tensor1D {
  const values = tf.randomNormal([size], 0, 1, 'float32', 3).dataSync() as Float32Array;
  values.set([Number.NaN, -0, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1e-30]);
  return tf.tensor1d(values);
}

const activations = {
  relu: (x: tf.Tensor) => tf.relu(x),
  leakyRelu: (x: tf.Tensor) => tf.leakyRelu(x, 0.2),
  'leakyRelu, alpha 1.5': (x: tf.Tensor) => tf.leakyRelu(x, 1.5),
  // [n, 1] · [[1]]: y is x itself, so the fused kernel's gradient reads the same signs off its output
  'fused matMul + leakyrelu': (x: tf.Tensor) =>
    tf.fused.matMul({ a: tf.reshape(x, [-1, 1]), b: tf.ones([1, 1]), activation: 'leakyrelu', leakyreluAlpha: 0.2 }),
} as const;

describe.each(Object.entries(activations))('%s: gradient in one pass of dlkit kernel', (_, activation) => {
  test.each([7, 4099])('%i values: the same bits as dy · step(y, α), NaN where x is NaN, no tensor leaked', (size) => {
    const x = awkward(size);
    const dy = tf.randomNormal(activation(x).shape, 0, 1, 'float32', 4);
    const gradient = tf.grad((v: tf.Tensor) => activation(v));
    const kernel = vi.spyOn(WasmKernels.prototype, 'activationGrad');
    const before = tf.memory().numTensors;
    const ours = gradient(x, dy);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(kernel).toHaveBeenCalledTimes(1);
    kernel.mockRestore();
    const alpha = activation === activations.relu ? 0 : activation === activations['leakyRelu, alpha 1.5'] ? 1.5 : 0.2;
    const expected = tf.tidy(() => tf.mul(tf.reshape(dy, [-1]), tf.step(x, alpha)));
    expect(sameValues(ours.dataSync() as Float32Array, expected.dataSync() as Float32Array)).toBe(true);
    expect(Number.isNaN(ours.dataSync()[0]!)).toBe(true);
    tf.dispose([x, dy, ours, expected]);
  });
});

test("relu's gradient equals stock's (step, cast, mul) bit for bit", () => {
  const x = awkward(1030);
  const dy = tf.randomNormal([1030], 0, 1, 'float32', 8);
  const ours = tf.grad((v: tf.Tensor) => tf.relu(v))(x, dy);
  setFastKernels(false);
  const stock = tf.grad((v: tf.Tensor) => tf.relu(v))(x, dy);
  setFastKernels(true);
  expect(sameValues(ours.dataSync() as Float32Array, stock.dataSync() as Float32Array)).toBe(true);
  tf.dispose([x, dy, ours, stock]);
});

test('gradients of the gradient: step(x, α) · w in dy, zero in x', () => {
  const x = awkward(10);
  const dy = tf.randomNormal([10], 0, 1, 'float32', 9);
  const w = tf.randomNormal([10], 0, 1, 'float32', 10);
  const [inX, inDy] = tf.grads((v: tf.Tensor, d: tf.Tensor) => tf.sum(tf.mul(tf.grad((u: tf.Tensor) => tf.leakyRelu(u, 0.2))(v, d), w)))([
    x,
    dy,
  ]);
  const expected = tf.mul(tf.step(x, 0.2), w);
  expect(Array.from(inX!.dataSync())).toEqual(new Array(10).fill(0));
  expect(sameValues(inDy!.dataSync() as Float32Array, expected.dataSync() as Float32Array)).toBe(true);
  tf.dispose([x, dy, w, inX!, inDy!, expected]);
});

test('the kernel names mismatched inputs in one error', () => {
  const dy = tf.zeros([2]);
  const y = tf.zeros([3]);
  const run = () => tf.engine().runKernel(activationGradKernelName, { dy, y }, { alpha: 0 });
  expect(run).toThrow(BackendError);
  expect(run).toThrow('dy and y must be float32 tensors of one shape, found dy float32 [2] and y float32 [3]');
  tf.dispose([dy, y]);
});
