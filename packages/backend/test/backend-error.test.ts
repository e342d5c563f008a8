import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, test } from 'vitest';
import {
  Adam,
  BackendError,
  type BackendErrorKind,
  dense,
  denseByColumns,
  dropout,
  initBackend,
  movingAverage,
  setFastKernels,
} from '../src/index';
import { fusedMatMulGradConfig } from '../src/gradients/fused-mat-mul-grad';
import { requireWasmKernels } from '../src/wasm/wasm-kernels-for';

afterAll(() => setFastKernels(true));

describe('BackendError', () => {
  test('new BackendError(message, { kind, cause }) is an Error named BackendError with its kind and cause', () => {
    const cause = new RangeError('underlying');
    const error = new BackendError('dense: x [2,3] does not fit', { kind: 'input', cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('BackendError');
    expect(error.message).toBe('dense: x [2,3] does not fit');
    expect(error.kind).toBe('input');
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('BackendError: dense: x [2,3] does not fit');
    expect('cause' in new BackendError('no cause', { kind: 'internal' })).toBe(false);
  });

  // Every failure of the package's own is a BackendError whose kind a caller can branch on.
  const x = () => tf.zeros([6, 9]) as tf.Tensor2D;
  const failures: [string, BackendErrorKind, () => unknown][] = [
    ['dense with weights that do not fit', 'input', () => dense(x(), tf.zeros([8, 4]) as tf.Tensor2D)],
    [
      'denseByColumns with a 1-D x',
      'input',
      () => denseByColumns(tf.zeros([9]) as unknown as tf.Tensor2D, tf.zeros([9, 4]) as tf.Tensor2D),
    ],
    ['dropout with rate 1', 'input', () => dropout(x(), 1)],
    ['Adam with a negative learning rate', 'input', () => new Adam([], { learningRate: -1 })],
    ['Adam.apply with too few gradients', 'input', () => new Adam([], { learningRate: 0.1 }).apply([x()])],
    ['movingAverage with a decay above 1', 'input', () => movingAverage(x(), x(), 1.5)],
    [
      "one of dlkit's wasm kernels on a backend that cannot run them",
      'unavailable',
      () => requireWasmKernels(tf.backend(), 'DlkitAdamUpdate'),
    ],
  ];
  test.each(failures)('%s is a BackendError of kind %s', async (_, kind, fail) => {
    await initBackend('cpu', { env: {} });
    const before = tf.memory().numTensors;
    let thrown: unknown;
    tf.tidy(() => {
      try {
        fail();
      } catch (error) {
        thrown = error;
      }
    });
    expect(thrown).toBeInstanceOf(BackendError);
    expect((thrown as BackendError).kind).toBe(kind);
    expect(tf.memory().numTensors).toBe(before);
  });

  test("the _FusedMatMul gradient names an activation it cannot differentiate: kind 'input'", async () => {
    await initBackend('cpu', { env: {} });
    const before = tf.memory().numTensors;
    const saved = [tf.ones([1, 2, 3]), tf.ones([1, 3, 2]), tf.ones([1, 2, 2])];
    const attrs = { transposeA: false, transposeB: false, activation: 'elu' } as unknown as tf.NamedAttrMap;
    expect(() => fusedMatMulGradConfig.gradFunc(saved[2]!, saved, attrs)).toThrow(
      expect.objectContaining({
        name: 'BackendError',
        kind: 'input',
        message: "_FusedMatMul gradient: activation must be linear, relu, leakyrelu or sigmoid, found 'elu'",
      }),
    );
    tf.dispose(saved);
    expect(tf.memory().numTensors).toBe(before);
  });

  test("one of dlkit's wasm kernels where it cannot run names the backend it found", async () => {
    await initBackend('cpu', { env: {} });
    expect(() => requireWasmKernels(tf.backend(), 'DlkitAdamUpdate')).toThrow(
      "DlkitAdamUpdate: dlkit's wasm kernels cannot run here (expected tfjs-backend-wasm's backend on a WebAssembly engine with SIMD, found MathBackendCPU)",
    );
  });
});
