import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';

beforeAll(async () => {
  await initBackend('wasm', { threads: 1, env: {} });
});
afterAll(() => setFastKernels(true));

/** float32 values spread over every exponent: bit patterns a fixed stride apart, plus an offset. */
function spreadValues(count: number): Float32Array {
  const bits = Uint32Array.from({ length: count }, (_, i) => Math.floor(i * (2 ** 32 / count)) + (i % 4093));
  return new Float32Array(bits.buffer);
}

test('tanh is correctly rounded: each value equals Math.tanh rounded to float32 (1M values over every exponent)', () => {
  const xs = spreadValues(1 << 20);
  const x = tf.tensor1d(xs);
  const y = tf.tanh(x).dataSync();
  let wrong = 0;
  for (let i = 0; i < xs.length; i++) if (!Object.is(y[i], Math.fround(Math.tanh(xs[i]!)))) wrong++;
  expect(wrong).toBe(0);
  x.dispose();
});

test('tanh keeps −0, NaN and the ends: ±Infinity and large values give ±1, the smallest subnormals themselves', () => {
  const xs = [0, -0, Number.NaN, Infinity, -Infinity, 1e-45, -1e-45, 1e-20, 0.125, -0.125, 0.12499999, 9.5, 9.0, 20, -3.4e38];
  const y = Array.from(tf.tanh(tf.tensor1d(xs)).dataSync());
  expect(y).toEqual(xs.map((v) => Math.fround(Math.tanh(v))));
  expect(Object.is(y[1], -0)).toBe(true);
});

test('every length from 1 to 9 (vectors of four and the values after them) and the stock kernel agree within an ulp', () => {
  for (let n = 1; n <= 9; n++) {
    const x = tf.randomNormal([n], 0, 3, 'float32', n);
    const ours = tf.tanh(x).dataSync();
    expect(Array.from(ours)).toEqual(Array.from(x.dataSync()).map((v) => Math.fround(Math.tanh(v))));
    setFastKernels(false);
    const stock = tf.tanh(x).dataSync();
    setFastKernels(true);
    for (let i = 0; i < n; i++) expect(Math.abs(ours[i]! - stock[i]!)).toBeLessThanOrEqual(Math.abs(stock[i]!) * 2 ** -23);
    x.dispose();
  }
});

test("tanh leaks no tensor and its gradient, 1 − tanh², is stock's formula on our values", () => {
  const x = tf.randomNormal([37, 5], 0, 2, 'float32', 4);
  const before = tf.memory().numTensors;
  tf.tanh(x).dispose();
  expect(tf.memory().numTensors).toBe(before);
  const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.tanh(t)))(x);
  const y = tf.tanh(x).dataSync();
  expect(Array.from(grad.dataSync())).toEqual(Array.from(y).map((v) => Math.fround(1 - Math.fround(v * v))));
  tf.dispose([x, grad]);
});
