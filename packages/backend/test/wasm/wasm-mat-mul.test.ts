import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { initBackend, setFastKernels, setWasmGemm, type WasmGemmChoice, wasmGemmVariant } from '../../src/index';
import { worstGemmError } from '../_gemm-reference';

beforeAll(async () => {
  await initBackend('wasm', { threads: 1, env: {} });
});
afterAll(() => {
  setWasmGemm('auto');
  setFastKernels(true);
});

/** Operands for op(a)·op(b) of m×k·k×n, the same values every run. */
function operands(m: number, n: number, k: number, transposeA: boolean, transposeB: boolean, seed: number) {
  return {
    a: tf.randomUniform(transposeA ? [k, m] : [m, k], -1, 1, 'float32', seed),
    b: tf.randomUniform(transposeB ? [n, k] : [k, n], -1, 1, 'float32', seed + 1),
  };
}

const transposes = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
] as const;
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [1, 33, 5],
  [7, 1, 9],
  [13, 17, 31],
  [128, 256, 100],
  [129, 31, 300],
  [300, 70, 40], // more rows than one A block: B packed once for all of them
];

describe.each(['fma', 'mul-add', 'off'] as const)("setWasmGemm('%s'): BatchMatMul and _FusedMatMul", (choice: WasmGemmChoice) => {
  beforeAll(() => setWasmGemm(choice));

  test('the variant in use is the one asked for', () => {
    expect(wasmGemmVariant()).toBe(choice === 'off' ? undefined : choice);
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm') !== undefined).toBe(choice !== 'off');
  });

  test.each(transposes)(
    'transposeA %s, transposeB %s: within float32 of float64 on edge shapes, no tensor leaked',
    (transposeA, transposeB) => {
      for (const [m, n, k] of shapes) {
        const { a, b } = operands(m, n, k, transposeA, transposeB, m + n + k);
        const before = tf.memory().numTensors;
        const c = tf.matMul(a, b, transposeA, transposeB);
        expect(tf.memory().numTensors).toBe(before + 1);
        expect(c.shape).toEqual([m, n]);
        const worst = worstGemmError(transposeA, transposeB, m, n, k, a.dataSync(), b.dataSync(), c.dataSync(), undefined);
        expect(worst, `${m}×${n}×${k}`).toBeLessThan(1);
        tf.dispose([a, b, c]);
      }
    },
  );

  test('batched and broadcast products equal the products of their matrices', () => {
    const a = tf.randomNormal([3, 6, 9], 0, 1, 'float32', 5);
    const b = tf.randomNormal([3, 7, 9], 0, 1, 'float32', 6);
    const single = tf.randomNormal([1, 9, 7], 0, 1, 'float32', 7);
    const batched = tf.matMul(a, b, false, true);
    const broadcast = tf.matMul(a, single);
    expect(batched.shape).toEqual([3, 6, 7]);
    expect(broadcast.shape).toEqual([3, 6, 7]);
    for (let i = 0; i < 3; i++) {
      const ai = tf.reshape(tf.slice(a, [i, 0, 0], [1, -1, -1]), [6, 9]) as tf.Tensor2D;
      const bi = tf.reshape(tf.slice(b, [i, 0, 0], [1, -1, -1]), [7, 9]) as tf.Tensor2D;
      const s = tf.reshape(single, [9, 7]) as tf.Tensor2D;
      expect(
        worstGemmError(false, true, 6, 7, 9, ai.dataSync(), bi.dataSync(), tf.slice(batched, [i, 0, 0], [1, -1, -1]).dataSync(), undefined),
      ).toBeLessThan(1);
      expect(
        worstGemmError(
          false,
          false,
          6,
          7,
          9,
          ai.dataSync(),
          s.dataSync(),
          tf.slice(broadcast, [i, 0, 0], [1, -1, -1]).dataSync(),
          undefined,
        ),
      ).toBeLessThan(1);
    }
    tf.dispose([a, b, single, batched, broadcast]);
  });

  test.each(['linear', 'relu', 'leakyrelu', 'sigmoid'] as const)(
    'fused %s with bias equals activation(product + bias) in stock ops',
    (activation) => {
      for (const [transposeA, transposeB] of transposes) {
        const { a, b } = operands(20, 37, 11, transposeA, transposeB, 9);
        const bias = tf.randomNormal([37], 0, 1, 'float32', 11);
        const fused = tf.fused.matMul({
          a: a as tf.Tensor2D,
          b: b as tf.Tensor2D,
          transposeA,
          transposeB,
          bias,
          activation,
          leakyreluAlpha: 0.3,
        });
        setFastKernels(false);
        const expected = tf.tidy(() => {
          const linear = tf.add(tf.matMul(a, b, transposeA, transposeB), bias);
          if (activation === 'relu') return tf.relu(linear);
          if (activation === 'leakyrelu') return tf.leakyRelu(linear, 0.3);
          if (activation === 'sigmoid') return tf.sigmoid(linear);
          return linear;
        });
        setFastKernels(true);
        const got = fused.dataSync();
        const want = expected.dataSync();
        for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i]!, 4);
        tf.dispose([a, b, bias, fused, expected]);
      }
    },
  );
});

describe.each(['fma', 'mul-add'] as const)("setWasmGemm('%s'): thin products (a side of one)", (choice) => {
  beforeAll(() => setWasmGemm(choice));
  const bits = (x: tf.Tensor) => Buffer.from(x.dataSync().buffer);

  // K of 600: three of the GEMM's K blocks, summed and added to C in order
  test.each([
    [3136, 256],
    [19, 600],
    [1, 5],
  ])("Aᵀ·b (%i×%i, N = 1) has the GEMM's bits: column 0 of the same product with a second column", (m, k) => {
    const a = tf.randomNormal([k, m], 0, 1, 'float32', 21);
    const b = tf.randomNormal([k, 1], 0, 1, 'float32', 22);
    const two = tf.concat([b, tf.randomNormal([k, 1], 0, 1, 'float32', 23)], 1);
    const thin = tf.matMul(a, b, true, false);
    const wide = tf.slice(tf.matMul(a, two, true, false), [0, 0], [m, 1]);
    expect(bits(thin).equals(bits(wide))).toBe(true);
    tf.dispose([a, b, two, thin, wide]);
  });

  test.each([
    [3136, 128],
    [21, 600],
  ])("a·B (1×%i, K = %i, M = 1) with bias and leakyrelu has the GEMM's bits: row 0 of the product with a second row", (n, k) => {
    const a = tf.randomNormal([1, k], 0, 1, 'float32', 24);
    const b = tf.randomNormal([k, n], 0, 1, 'float32', 25);
    const bias = tf.randomNormal([n], 0, 1, 'float32', 26);
    const two = tf.concat([a, tf.randomNormal([1, k], 0, 1, 'float32', 27)], 0);
    const fused = (x: tf.Tensor) =>
      tf.fused.matMul({ a: x as tf.Tensor2D, b: b as tf.Tensor2D, bias, activation: 'leakyrelu', leakyreluAlpha: 0.2 });
    const thin = fused(a);
    const wide = tf.slice(fused(two), [0, 0], [1, n]);
    expect(bits(thin).equals(bits(wide))).toBe(true);
    tf.dispose([a, b, bias, two, thin, wide]);
  });

  test.each([
    [256, 3136, false],
    [13, 600, false],
    [1029, 7, false],
    [3136, 256, true],
    [13, 600, true],
  ])(
    "A·b (%i×%i, N = 1, A untransposed) and a·Bᵀ (M = 1) have the GEMM's bits: the same rows and columns with a second one",
    (rows, k, rowOfOne) => {
      const x = tf.randomNormal([rows, k], 0, 1, 'float32', 29);
      const v = tf.randomNormal(rowOfOne ? [1, k] : [k, 1], 0, 1, 'float32', 30);
      const second = tf.randomNormal(rowOfOne ? [1, k] : [k, 1], 0, 1, 'float32', 31);
      const two = tf.concat([v, second], rowOfOne ? 0 : 1);
      const [thin, wide] = rowOfOne
        ? [tf.matMul(v, x, false, true), tf.slice(tf.matMul(two, x, false, true), [0, 0], [1, rows])]
        : [tf.matMul(x, v), tf.slice(tf.matMul(x, two), [0, 0], [rows, 1])];
      expect(bits(thin).equals(bits(wide))).toBe(true);
      tf.dispose([x, v, second, two, thin, wide]);
    },
  );

  test('an outer product (K = 1) is each product rounded once, every transpose', () => {
    for (const [transposeA, transposeB] of transposes) {
      const { a, b } = operands(37, 1029, 1, transposeA, transposeB, 28);
      const [av, bv] = [a.dataSync(), b.dataSync()];
      const got = tf.matMul(a, b, transposeA, transposeB).dataSync();
      const want = Float32Array.from({ length: 37 * 1029 }, (_, i) => Math.fround(av[Math.floor(i / 1029)]! * bv[i % 1029]!));
      expect(Buffer.from(got.buffer).equals(Buffer.from(want.buffer))).toBe(true);
      tf.dispose([a, b]);
    }
  });
});

test('the same bits run after run (1 thread here; dist.test.ts compares thread counts)', () => {
  setWasmGemm('auto');
  const { a, b } = operands(300, 129, 257, true, false, 3);
  const first = tf.matMul(a, b, true, false);
  const again = tf.matMul(a, b, true, false);
  expect(Buffer.from(again.dataSync().buffer).equals(Buffer.from(first.dataSync().buffer))).toBe(true);
  tf.dispose([a, b, first, again]);
});
