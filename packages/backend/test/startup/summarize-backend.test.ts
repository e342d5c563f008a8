import { describe, expect, test } from 'vitest';
import { type BackendInfo, describeBackend, initBackend, summarizeBackend } from '../../src/index';

const info = (fields: Partial<BackendInfo>): BackendInfo => ({
  name: 'cpu',
  tfBackend: 'cpu',
  requested: 'auto',
  requestedBy: 'argument',
  tried: [],
  ...fields,
});

describe('describeBackend', () => {
  test('describeBackend(info) names what runs, each skipped backend with its reason, then each note', () => {
    const described = describeBackend(
      info({
        name: 'wasm',
        tfBackend: 'wasm',
        simd: true,
        threads: 1,
        tried: [
          { name: 'webgpu', ok: false, reason: 'no adapter' },
          { name: 'wasm', ok: true },
        ],
        notes: ['wasm runs 1 thread, not 4: the page is not cross-origin isolated'],
      }),
    );
    expect(described).toBe(
      'backend: wasm (SIMD on, 1 thread), requested auto\n  skipped webgpu: no adapter\n  note: wasm runs 1 thread, not 4: the page is not cross-origin isolated',
    );
  });
});

describe('summarizeBackend', () => {
  test.each([
    ['wasm with SIMD and 2 threads', info({ name: 'wasm', tfBackend: 'wasm', simd: true, threads: 2 }), 'wasm (SIMD on, 2 threads)'],
    ['wasm with SIMD and 1 thread', info({ name: 'wasm', tfBackend: 'wasm', simd: true, threads: 1 }), 'wasm (SIMD on, 1 thread)'],
    ['wasm without SIMD, threads unknown', info({ name: 'wasm', tfBackend: 'wasm', simd: false }), 'wasm (SIMD off, 1 thread)'],
    ['cpu', info({ name: 'cpu' }), 'cpu'],
    ['gpu', info({ name: 'gpu', tfBackend: 'tensorflow' }), 'gpu'],
    ['node', info({ name: 'node', tfBackend: 'tensorflow' }), 'node'],
    ['webgpu with its adapter', info({ name: 'webgpu', tfBackend: 'webgpu', device: 'google swiftshader' }), 'webgpu (google swiftshader)'],
    ['webgl without a device', info({ name: 'webgl', tfBackend: 'webgl' }), 'webgl'],
  ] as const)('summarizeBackend(info) for %s is %j', (_, backend, line) => {
    expect(summarizeBackend(backend)).toBe(line);
  });

  test('is what describeBackend names in its first line, for the backend initBackend started', async () => {
    const started = await initBackend('wasm', { env: {}, threads: 1 });
    const summary = summarizeBackend(started);
    expect(summary).toMatch(/^wasm \(SIMD (on|off), \d+ threads?\)$/);
    expect(describeBackend(started).split('\n')[0]).toBe(`backend: ${summary}, requested wasm`);
    const cpu = await initBackend('cpu', { env: {} });
    expect(summarizeBackend(cpu)).toBe('cpu');
  });
});
