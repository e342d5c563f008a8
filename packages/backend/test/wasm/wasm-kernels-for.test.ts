import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';
import { wasmKernelsFor } from '../../src/wasm/wasm-kernels-for';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});
afterAll(() => setFastKernels(true));

test('the kernels run on this wasm backend', () => {
  expect(wasmKernelsFor(tf.backend())).toBeDefined();
  expect(wasmKernelsFor({})).toBeUndefined();
});
