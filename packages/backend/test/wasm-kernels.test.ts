import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileKernels } from '../scripts/compile-wasm-kernels.mjs';
import { Adam, dropout, initBackend, setFastKernels } from '../src/index';
import { sharedMemoryKernels, unsharedMemoryKernels } from '../src/wasm-kernels/_kernels-binary';
import { instantiateKernels, wasmKernelsFor } from '../src/wasm-kernels/wasm-kernels';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});
afterAll(() => setFastKernels(true));

test('the committed binary is kernels.wat compiled (run build:wasm after editing the .wat)', async () => {
  const source = readFileSync(new URL('../src/wasm-kernels/kernels.wat', import.meta.url), 'utf8');
  const { shared, unshared } = await compileKernels(source);
  expect(Buffer.from(shared).toString('base64')).toBe(sharedMemoryKernels);
  expect(Buffer.from(unshared).toString('base64')).toBe(unsharedMemoryKernels);
});

test('the kernels run on this wasm backend', () => {
  expect(wasmKernelsFor(tf.backend())).toBeDefined();
  expect(wasmKernelsFor({})).toBeUndefined();
});

test.each([false, true])('the module compiled for a %s memory runs its kernels on it (shared: the threaded build)', (shared) => {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 16, shared });
  const kernels = instantiateKernels(memory)!;
  expect(kernels).not.toBeNull();
  const heap = new Float32Array(memory.buffer);
  // a 3×5 matrix at 0, its transpose at 64 (byte 256)
  for (let i = 0; i < 15; i++) heap[i] = i;
  kernels.transpose(0, 256, 3, 5);
  expect(Array.from(heap.subarray(64, 79))).toEqual(transposedByIndex(heap.subarray(0, 15), 1, 3, 5));
  // LeakyRelu of 6 values at 128 (byte 512) into 160 (byte 640)
  heap.set([-2, -0.5, 0, 1, 3, -8], 128);
  kernels.leakyRelu(512, 640, 6, 0.25);
  expect(Array.from(heap.subarray(160, 166))).toEqual([-0.5, -0.125, 0, 1, 3, -2]);
  // one Adam step on 5 values: p, g, m, v at 200.., outputs at 300..
  heap.set([1, 2, 3, 4, 5], 200);
  heap.set([0.5, -1, 2, 0, -3], 210);
  kernels.adam(800, 840, 880, 920, 1200, 1240, 1280, 5, 0.9, 0.1, 0.999, 0.001, 1e-8, 0.1);
  expect(Array.from(heap.subarray(310, 315), (m) => Math.fround(m))).toEqual([0.05, -0.1, 0.2, 0, -0.3].map(Math.fround));
  expect(heap[300]).toBeCloseTo(1 - 0.1 * (0.05 / (Math.sqrt(0.00025) + 1e-8)), 5);
  // dropout masks of 8 values: threshold 0 keeps every value (as keep), 2^24 (every 24-bit draw below it) drops all
  kernels.dropoutMask(1600, 8, 0, 2, 1, 2, 3, 4);
  expect(Array.from(heap.subarray(400, 408))).toEqual(new Array(8).fill(2));
  kernels.dropoutMask(1600, 8, 2 ** 24, 2, 1, 2, 3, 4);
  expect(Array.from(heap.subarray(400, 408))).toEqual(new Array(8).fill(0));
});

/** x's matrices transposed by index arithmetic, the reference for the kernel. */
function transposedByIndex(values: Float32Array | Int32Array, matrices: number, rows: number, columns: number): number[] {
  const out = new Array<number>(values.length);
  for (let m = 0; m < matrices; m++) {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) out[m * rows * columns + c * rows + r] = values[m * rows * columns + r * columns + c]!;
    }
  }
  return out;
}

describe('transpose kernel', () => {
  test('swaps the last two axes of any float32 or int32 shape, edges and batches included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 70 }),
        fc.boolean(),
        (matrices, rows, columns, int) => {
          const size = matrices * rows * columns;
          const values = Float32Array.from({ length: size }, (_, i) => i * 1.5 - 7);
          const x = int
            ? tf.tensor3d(Int32Array.from(values), [matrices, rows, columns], 'int32')
            : tf.tensor3d(values, [matrices, rows, columns]);
          const y = tf.transpose(x, [0, 2, 1]);
          expect(y.shape).toEqual([matrices, columns, rows]);
          expect(Array.from(y.dataSync())).toEqual(transposedByIndex(x.dataSync() as Float32Array, matrices, rows, columns));
          tf.dispose([x, y]);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('large matrices whose rows are multiples of 128 (the shapes stock wasm is slowest at)', () => {
    for (const [rows, columns] of [
      [1024, 784],
      [512, 1024],
    ] as const) {
      const x = tf.randomNormal([rows, columns], 0, 1, 'float32', 3);
      const y = tf.transpose(x);
      expect(Array.from(y.dataSync())).toEqual(transposedByIndex(x.dataSync() as Float32Array, 1, rows, columns));
      tf.dispose([x, y]);
    }
  });

  test('other permutations and setFastKernels(false) use the stock kernel, with the same values', () => {
    const x = tf.randomNormal([3, 4, 5], 0, 1, 'float32', 4);
    const ours = tf.transpose(x, [0, 2, 1]).dataSync();
    const other = tf.transpose(x, [2, 0, 1]);
    expect(other.shape).toEqual([5, 3, 4]);
    const ourKernel = tf.getKernel(tf.Transpose, 'wasm');
    setFastKernels(false);
    expect(tf.getKernel(tf.Transpose, 'wasm')).not.toBe(ourKernel);
    expect(Array.from(tf.transpose(x, [0, 2, 1]).dataSync())).toEqual(Array.from(ours));
    expect(Array.from(tf.transpose(x, [2, 0, 1]).dataSync())).toEqual(Array.from(other.dataSync()));
    setFastKernels(true);
    expect(tf.getKernel(tf.Transpose, 'wasm')).toBe(ourKernel);
    tf.dispose([x, other]);
  });
});

describe('leakyRelu kernel', () => {
  test('equals stock wasm LeakyRelu bit for bit, vector body and tail, for every alpha', () => {
    const special = [-0, 0, -1e-30, 1e-30, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const size of [1, 3, 4, 5, 37, 4099]) {
      const x = tf.tensor1d(Float32Array.from({ length: size }, (_, i) => special[i] ?? Math.sin(i * 12.9898) * 43758.5453 * 1e-3));
      for (const alpha of [0.2, 0, 1.5, -0.5]) {
        const ours = tf.leakyRelu(x, alpha);
        setFastKernels(false);
        const stock = tf.leakyRelu(x, alpha);
        setFastKernels(true);
        expect(Array.from(ours.dataSync())).toEqual(Array.from(stock.dataSync()));
        tf.dispose([ours, stock]);
      }
      x.dispose();
    }
  });
});

describe('dropout mask kernel', () => {
  test('draws the same mask as the JavaScript generator, bit for bit, and is what runs on wasm', async () => {
    for (const [shape, rate, seed] of [
      [[1], 0.5, 1],
      [[7, 13], 0.3, 42],
      [[256, 1024], 0.3, 2 ** 40 + 17],
      [[5], 0.999, -3],
    ] as const) {
      const x = tf.ones([...shape]);
      const ours = tf.tidy(() => Array.from(dropout(x, rate, seed).dataSync()));
      setFastKernels(false);
      const javascript = tf.tidy(() => Array.from(dropout(x, rate, seed).dataSync()));
      setFastKernels(true);
      expect(ours).toEqual(javascript);
      x.dispose();
    }
    const x = tf.ones([4, 4]);
    const { kernelNames } = await tf.profile(() => dropout(x, 0.5, 1));
    expect(kernelNames).toContain('DlkitDropoutMask');
    x.dispose();
  });
});

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

describe('kept transposes', () => {
  test('a matrix used transposed in several products is transposed once, freed with it, and never stale', () => {
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
