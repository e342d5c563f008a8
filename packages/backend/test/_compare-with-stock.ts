import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import { setFastKernels } from '../src/index';

/** Gradients of sum(f(...inputs) · probe) with dlkit's fast kernels and with tfjs's stock ones. */
export function bothGradients(
  f: (...inputs: tf.Tensor[]) => tf.Tensor,
  inputs: tf.Tensor[],
): { fast: Float32Array[]; stock: Float32Array[] } {
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

export function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  const scale = expected.reduce((largest, value) => Math.max(largest, Math.abs(value)), 1);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs((actual[i] ?? Number.NaN) - (expected[i] ?? 0)));
  expect(worst / scale).toBeLessThan(1e-5);
}

export function expectAllClose(actual: Float32Array[], expected: Float32Array[]): void {
  expect(actual.length).toBe(expected.length);
  for (const [i, values] of actual.entries()) expectClose(values, expected[i]!);
}

export const random = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);

/** f's outputs with dlkit's kernels and with stock's (setFastKernels), as shapes, dtypes and plain values. */
export function outputsOursAndStock(f: () => tf.Tensor | tf.Tensor[]) {
  const run = (on: boolean) => {
    setFastKernels(on);
    const outputs = [f()].flat();
    const seen = outputs.map((y) => ({ shape: y.shape, dtype: y.dtype, values: Array.from(y.dataSync()) }));
    tf.dispose(outputs);
    return seen;
  };
  const ours = run(true);
  const stock = run(false);
  setFastKernels(true);
  return { ours, stock };
}
