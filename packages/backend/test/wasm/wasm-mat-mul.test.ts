import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});
afterAll(() => setFastKernels(true));

describe('transposed matrix products', () => {
  test.each([
    [false, true],
    [true, false],
    [true, true],
  ])('transposeA %s, transposeB %s: the values of the untransposed product, plain and fused', (transposeA, transposeB) => {
    // batched for the plain product; the fused one as dense uses it (stock wasm misplaces the bias of batched fused products)
    const a = tf.randomNormal(transposeA ? [2, 9, 6] : [2, 6, 9], 0, 1, 'float32', 5);
    const b = tf.randomNormal(transposeB ? [2, 7, 9] : [2, 9, 7], 0, 1, 'float32', 6);
    const a2 = tf.reshape(tf.slice(a, [0, 0, 0], [1, -1, -1]), a.shape.slice(1) as [number, number]) as tf.Tensor2D;
    const b2 = tf.reshape(tf.slice(b, [0, 0, 0], [1, -1, -1]), b.shape.slice(1) as [number, number]) as tf.Tensor2D;
    const bias = tf.randomNormal([7], 0, 1, 'float32', 8);
    const before = tf.memory().numTensors;
    const expected = tf.tidy(() => tf.matMul(transposeA ? tf.transpose(a, [0, 2, 1]) : a, transposeB ? tf.transpose(b, [0, 2, 1]) : b));
    const plain = tf.matMul(a, b, transposeA, transposeB);
    const fused = tf.fused.matMul({ a: a2, b: b2, transposeA, transposeB, bias, activation: 'relu' });
    expect(tf.memory().numTensors).toBe(before + 3);
    const want = expected.dataSync();
    const got = plain.dataSync();
    const gotFused = fused.dataSync();
    const biasValues = bias.dataSync();
    for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i]!, 4);
    for (let i = 0; i < gotFused.length; i++) expect(gotFused[i]).toBeCloseTo(Math.max(0, want[i]! + biasValues[i % 7]!), 4);
    tf.dispose([a, b, a2, b2, bias, expected, plain, fused]);
  });
});
