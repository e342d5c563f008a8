import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, test } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';

afterAll(() => setFastKernels(true));

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
