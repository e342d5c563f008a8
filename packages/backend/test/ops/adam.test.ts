import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { Adam, initBackend, setFastKernels } from '../../src/index';
import { WasmGemm } from '../../src/wasm/wasm-gemm';

// two threads whatever the machine's load: one test shares a large parameter with the GEMM's worker
beforeAll(async () => {
  await initBackend('wasm', { threads: 2, env: {} });
});
afterAll(() => setFastKernels(true));

describe('Adam', () => {
  /** Runs `steps` Adam updates with fast kernels on or off and returns the parameters and moments. */
  // (tfjs treats seed 0 as no seed: every seed here is ≥ 1)
  function train(fast: boolean, steps: number, sizes: number[]): Float32Array[] {
    setFastKernels(fast);
    const parameters = sizes.map((size, i) => tf.variable(tf.randomNormal([size], 0, 1, 'float32', 10 + i)));
    const adam = new Adam(parameters, { learningRate: 0.01, beta1: 0.5, beta2: 0.99, epsilon: 1e-7 });
    const before = tf.memory().numTensors;
    for (let t = 0; t < steps; t++) {
      const gradients = sizes.map((size, i) => tf.randomNormal([size], 0, 1, 'float32', 100 * t + i + 1));
      adam.apply(gradients);
      tf.dispose(gradients);
    }
    expect(tf.memory().numTensors).toBe(before);
    const state = [...parameters, ...adam.firstMoments, ...adam.secondMoments].map((x) => x.dataSync() as Float32Array);
    adam.dispose();
    tf.dispose(parameters);
    return state;
  }

  test('the one-pass kernel equals the composed tfjs ops bit for bit (vector body and scalar tail)', () => {
    const sizes = [1, 7, 64, 1029];
    const fused = train(true, 5, sizes);
    const composed = train(false, 5, sizes);
    setFastKernels(true);
    expect(fused.map((values) => Array.from(values))).toEqual(composed.map((values) => Array.from(values)));
  });

  test('a parameter of 300,001 values is shared with the GEMM worker, and stays bit for bit the composed ops', async () => {
    const info = await initBackend('wasm', { threads: 2, env: {} });
    expect(info.threads).toBe(2); // as started in beforeAll: tfjs-backend-wasm keeps its first thread count
    const shared = vi.spyOn(WasmGemm.prototype, 'adam');
    const fused = train(true, 3, [300_001, 1029]);
    // one call per parameter and step; only the large one is shared
    expect(shared.mock.results.map((result) => result.value)).toEqual([true, false, true, false, true, false]);
    shared.mockRestore();
    const composed = train(false, 3, [300_001, 1029]);
    setFastKernels(true);
    expect(fused.every((values, i) => Buffer.from(values.buffer).equals(Buffer.from(composed[i]!.buffer)))).toBe(true);
  });

  test('follows the textbook update: first step moves every parameter by the learning rate against the gradient sign', () => {
    const p = tf.variable(tf.tensor1d([1, -2, 3, 0.5, 4]));
    const adam = new Adam([p], { learningRate: 0.1 });
    const g = tf.tensor1d([2, -1, 0.5, -3, 1e-3]);
    adam.apply([g]);
    // m̂ = g and v̂ = g², so the step is lr·g/(|g| + ε) ≈ lr·sign(g)
    const expected = [0.9, -1.9, 2.9, 0.6, 3.9];
    for (const [i, value] of p.dataSync().entries()) expect(value).toBeCloseTo(expected[i]!, 5);
    expect(adam.step).toBe(1);
    adam.dispose();
    tf.dispose([p, g]);
  });

  test('says what is wrong with bad settings and gradients', () => {
    const p = tf.variable(tf.zeros([3]));
    expect(() => new Adam([p], { learningRate: -1 })).toThrow(/learningRate -1 is out of range/);
    expect(() => new Adam([p], { learningRate: 0.1, beta1: 1 })).toThrow(/beta1 1 is out of range/);
    const adam = new Adam([p], { learningRate: 0.1 });
    expect(() => adam.apply([])).toThrow(/0 gradients for 1 parameters/);
    const wrong = tf.zeros([4]);
    expect(() => adam.apply([wrong])).toThrow(/gradient 0 has shape \[4\], its parameter \[3\]/);
    adam.dispose();
    tf.dispose([p, wrong]);
  });
});
