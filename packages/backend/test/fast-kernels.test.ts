import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, test } from 'vitest';
import { fastKernelsEnabled, initBackend, setFastKernels } from '../src/index';

afterAll(() => setFastKernels(true));

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
});
