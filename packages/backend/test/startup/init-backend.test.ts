import { availableParallelism } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { BackendUnavailableError, backendNames, backendOrder, backendOrders, describeBackend, initBackend } from '../../src/index';

describe('initBackend', () => {
  test("initBackend('auto') picks wasm here and says why gpu and node were skipped", async () => {
    const info = await initBackend('auto', { env: {} });
    expect(info.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.simd).toBe(true);
    expect(info.tried.map((attempt) => [attempt.name, attempt.ok])).toEqual([
      ['gpu', false],
      ['node', false],
      ['wasm', true],
    ]);
    expect(info.tried[0]?.reason).toMatch(/tfjs-node-gpu is not installed: pnpm add @tensorflow\/tfjs-node-gpu.*CUDA 11\.2/);
    expect(info.tried[1]?.reason).toMatch(/tfjs-node is not installed: pnpm add @tensorflow\/tfjs-node/);
    expect(info.threads).toBeGreaterThanOrEqual(1);
    expect(info.threads).toBeLessThanOrEqual(Math.min(8, availableParallelism()));
    const threads = `${info.threads} thread${info.threads === 1 ? '' : 's'}`;
    expect(describeBackend(info).startsWith(`backend: wasm (SIMD on, ${threads}), requested auto\n  skipped gpu`)).toBe(true);
  });

  test("initBackend('gpu') rejects with the actionable reason, never a silent fallback", async () => {
    const failure = initBackend('gpu', { env: {} });
    await expect(failure).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(failure).rejects.toThrow(/pnpm add @tensorflow\/tfjs-node-gpu \(needs an NVIDIA GPU with CUDA 11\.2 \+ cuDNN 8\.1\)/);
  });

  test.each(['webgpu', 'webgl'] as const)(
    "initBackend('%s') in Node rejects, saying it is a browser backend and what runs in Node",
    async (name) => {
      const failure = await initBackend(name, { env: {} }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BackendUnavailableError);
      expect((failure as BackendUnavailableError).message).toBe(
        `backend '${name}' is not available: ${name}: ${name} is a browser backend (${name === 'webgpu' ? 'WebGPU' : 'WebGL'}): in Node use gpu (tfjs-node-gpu, CUDA), node or wasm`,
      );
    },
  );

  test('backendOrder is the order auto tries in Node; backendOrders has both platforms, backendNames every name', () => {
    expect(backendOrder).toEqual(['gpu', 'node', 'wasm', 'cpu']);
    expect(backendOrders).toEqual({ node: ['gpu', 'node', 'wasm', 'cpu'], browser: ['webgpu', 'webgl', 'wasm', 'cpu'] });
    expect(backendNames).toEqual(['gpu', 'node', 'webgpu', 'webgl', 'wasm', 'cpu']);
  });

  test('DLKIT_BACKEND overrides the argument', async () => {
    const info = await initBackend('wasm', { env: { DLKIT_BACKEND: 'cpu' } });
    expect(info).toMatchObject({ name: 'cpu', requested: 'cpu', requestedBy: 'DLKIT_BACKEND' });
    expect(tf.getBackend()).toBe('cpu');
  });

  test('an unknown backend name is an error naming it', async () => {
    await expect(initBackend('auto', { env: { DLKIT_BACKEND: 'tpu' } })).rejects.toThrow(/DLKIT_BACKEND=tpu is not a backend/);
    // @ts-expect-error: checked at run time for JavaScript callers
    await expect(initBackend('quantum', { env: {} })).rejects.toThrow(/'quantum' is not a backend/);
  });

  test.each(['wasm', 'cpu'] as const)('gradients work on %s after initBackend', async (name) => {
    await initBackend(name, { env: {} });
    const before = tf.memory().numTensors;
    const x = tf.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    const grad = tf.grad((input: tf.Tensor) => tf.sum(tf.matMul(tf.relu(input), input)))(x);
    expect(Array.from(await grad.data())).toEqual([7, 11, 9, 13]);
    tf.dispose([x, grad]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
