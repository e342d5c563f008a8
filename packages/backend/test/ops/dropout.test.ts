import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { dropout, initBackend } from '../../src/index';

describe.each(['wasm', 'cpu'] as const)('dropout on %s', (backend) => {
  test('dropout(x, rate, seed) zeroes about rate of the values and scales the rest by 1/(1 − rate)', async () => {
    await initBackend(backend, { env: {} });
    const before = tf.memory().numTensors;
    const x = tf.ones([200, 100]);
    const y = dropout(x, 0.3, 42);
    const values = Array.from(await y.data());
    const kept = values.filter((v) => v !== 0);
    expect(kept.length / values.length).toBeGreaterThan(0.68);
    expect(kept.length / values.length).toBeLessThan(0.72);
    for (const v of kept) expect(v).toBeCloseTo(1 / 0.7, 6);
    tf.dispose([x, y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('the same seed gives the same mask on every backend; another seed another mask', async () => {
    await initBackend(backend, { env: {} });
    const x = tf.ones([8, 16]);
    const mask = (seed: number) => tf.tidy(() => Array.from(dropout(x, 0.5, seed).dataSync()));
    expect(mask(7)).toEqual(mask(7));
    expect(mask(7)).not.toEqual(mask(8));
    // xoshiro128** seeded by splitmix32 from 7, computed independently (Python reference of the generator)
    expect(
      mask(7)
        .slice(0, 8)
        .map((v) => (v === 0 ? 0 : 1)),
    ).toEqual([0, 1, 0, 0, 1, 0, 1, 0]);
    x.dispose();
  });

  test('its gradient is the mask', async () => {
    await initBackend(backend, { env: {} });
    const x = tf.randomNormal([30, 20], 0, 1, 'float32', 3);
    const y = dropout(x, 0.25, 5);
    const grad = tf.grad((v: tf.Tensor) => tf.sum(dropout(v, 0.25, 5)))(x);
    const scale = Array.from(y.dataSync(), (v, i) => (v === 0 ? 0 : v / (x.dataSync()[i] ?? 1)));
    for (const [i, g] of Array.from(grad.dataSync()).entries()) expect(g).toBeCloseTo(scale[i] ?? Number.NaN, 5);
    tf.dispose([x, y, grad]);
  });

  test('rate 0 returns a copy; a rate outside [0, 1) or a fractional seed is one clear error', async () => {
    await initBackend(backend, { env: {} });
    const x = tf.tensor1d([1, 2, 3]);
    const y = dropout(x, 0);
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3]);
    expect(() => dropout(x, 1)).toThrow('dropout: rate must be a number in [0, 1), found 1');
    expect(() => dropout(x, Number.NaN)).toThrow('found NaN');
    expect(() => dropout(x, 0.5, 1.5)).toThrow('dropout: seed must be an integer, found 1.5');
    tf.dispose([x, y]);
  });
});
