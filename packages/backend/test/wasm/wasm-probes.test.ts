// What dlkit's GEMM falls back to on engines without relaxed SIMD, or without SIMD: simulated by making
// the probes answer false (the real probes run on this Node, whose V8 validates both).
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { initBackend, setWasmGemm, wasmGemmVariant } from '../../src/index';
import { relaxedSimdProbe, simdProbe } from '../../src/wasm/_wasm-probes';
import { worstGemmError } from '../_gemm-reference';

const engine = vi.hoisted(() => ({ relaxedSimd: true, simd: true }));
vi.mock('../../src/wasm/_wasm-probes', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/wasm/_wasm-probes')>();
  return { ...original, relaxedSimdValidates: () => engine.relaxedSimd, simdValidates: () => engine.simd };
});

beforeAll(async () => {
  engine.relaxedSimd = false;
  await initBackend('wasm', { threads: 1, env: {} });
});
afterAll(() => {
  engine.relaxedSimd = true;
  engine.simd = true;
  setWasmGemm('auto');
});

function expectProductWithinFloat32(): void {
  const a = tf.randomUniform([40, 70], -1, 1, 'float32', 1);
  const b = tf.randomUniform([50, 70], -1, 1, 'float32', 2);
  const c = tf.matMul(a, b, false, true);
  expect(worstGemmError(false, true, 40, 50, 70, a.dataSync(), b.dataSync(), c.dataSync(), undefined)).toBeLessThan(1);
  tf.dispose([a, b, c]);
}

test('the probes are valid modules that test their instruction: a broken opcode does not validate', () => {
  expect(WebAssembly.validate(relaxedSimdProbe)).toBe(true);
  expect(WebAssembly.validate(simdProbe)).toBe(true);
  for (const probe of [relaxedSimdProbe, simdProbe]) {
    const broken = probe.slice();
    broken[broken.length - 3] = 0xff;
    broken[broken.length - 2] = 0x7f;
    expect(WebAssembly.validate(broken)).toBe(false);
  }
});

describe('an engine with SIMD but no relaxed SIMD (Node 20, older browsers)', () => {
  test("takes the mul+add build; forcing 'fma' is an error that says why", () => {
    expect(wasmGemmVariant()).toBe('mul-add');
    expect(() => setWasmGemm('fma')).toThrow(/does not validate relaxed SIMD/);
    expect(wasmGemmVariant()).toBe('mul-add');
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBeDefined();
    expectProductWithinFloat32();
  });
});

describe('an engine without SIMD', () => {
  test("takes tfjs's path: no GEMM, no Conv2DBackpropFilter, products still right", () => {
    engine.simd = false;
    setWasmGemm('auto');
    expect(wasmGemmVariant()).toBeUndefined();
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBeUndefined();
    expect(() => setWasmGemm('mul-add')).toThrow(/does not validate SIMD/);
    expectProductWithinFloat32();
  });
});
