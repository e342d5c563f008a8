import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { initBackend, setFastKernels, setWasmGemm } from '../../src/index';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});
afterAll(() => {
  setWasmGemm('auto');
  setFastKernels(true);
});

describe("kept transposes (XNNPACK's path: setWasmGemm('off'))", () => {
  test('a matrix used transposed in several products is transposed once, freed with it, and never stale', () => {
    setWasmGemm('off');
    const w = tf.tidy(() => tf.variable(tf.randomNormal([6, 4], 0, 1, 'float32', 21)));
    const x = tf.randomNormal([6, 3], 0, 1, 'float32', 22);
    // buffers on the wasm heap: the engine's numDataBuffers counts tensors' buffers only
    const buffers = () => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
    const start = buffers();
    const first = tf.matMul(w, x, true, false);
    expect(buffers()).toBe(start + 2); // the product and wᵀ
    const again = tf.tidy(() => tf.matMul(tf.reshape(w, [1, 6, 4]), tf.reshape(x, [1, 6, 3]), true, false));
    expect(buffers()).toBe(start + 3); // only the product: [6, 4] and [1, 6, 4] share wᵀ
    expect(Array.from(again.dataSync())).toEqual(Array.from(first.dataSync()));
    tf.tidy(() => w.assign(tf.mul(w, 2)));
    expect(buffers()).toBe(start + 2); // the new w is in; the old one and its wᵀ are freed
    const doubled = tf.matMul(w, x, true, false);
    expect(buffers()).toBe(start + 4);
    for (const [i, value] of doubled.dataSync().entries()) expect(value).toBeCloseTo(2 * first.dataSync()[i]!, 5);
    tf.dispose([first, again, doubled]);
    w.dispose();
    expect(buffers()).toBe(start - 1); // w and its wᵀ
    x.dispose();
  });
});
