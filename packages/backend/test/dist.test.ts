import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

// Runs the built package the way a user's program would: a fresh Node process, no vitest transforms.
function runNode(source: string, type: 'module' | 'commonjs', env: Record<string, string> = {}): string {
  const flag = type === 'module' ? '--input-type=module' : '--input-type=commonjs';
  return execFileSync(process.execPath, [flag, '-e', source], { cwd: packageRoot, encoding: 'utf8', env: { ...process.env, ...env } });
}

const gradientProgram = (load: string) => `
${load}
(async () => {
  for (const name of ['wasm', 'cpu']) {
    const info = await backend.initBackend(name, { env: {} });
    const g = tf.grad((x) => tf.sum(tf.mul(tf.sigmoid(x), x)))(tf.tensor1d([0, 1]));
    console.log(info.name, Array.from(g.dataSync()).map((v) => v.toFixed(6)).join(','));
  }
})();`;

// d/dx [x·σ(x)] = σ(x) + x·σ(x)(1−σ(x)): 0.5 at 0, 0.927671 at 1.
const expected = 'wasm 0.500000,0.927671\ncpu 0.500000,0.927671\n';

describe('the built package (dist)', () => {
  test('computes gradients on wasm and cpu from ESM', () => {
    const load = `import * as tf from '@tensorflow/tfjs-core'; import * as backend from '@dlkit/backend';`;
    expect(runNode(gradientProgram(load), 'module')).toBe(expected);
  });

  test('computes gradients on wasm and cpu from CommonJS', () => {
    const load = `const tf = require('@tensorflow/tfjs-core'); const backend = require('@dlkit/backend');`;
    expect(runNode(gradientProgram(load), 'commonjs')).toBe(expected);
  });

  // The threaded build starts worker threads (XNNPACK's, and dlkit's GEMM's): they must compute the same
  // bits as one thread, run after run, and let Node exit.
  const threadsProgram = `
import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, describeBackend } from '@dlkit/backend';
const info = await initBackend('wasm', { threads: Number(process.env.THREADS) });
const hash = createHash('sha256');
const add = (t) => { hash.update(new Uint8Array(t.dataSync().buffer)); t.dispose(); };
for (let run = 0; run < 2; run++) {
  const a = tf.randomNormal([300, 200], 0, 1, 'float32', 1);
  const b = tf.randomNormal([200, 129], 0, 1, 'float32', 2);
  const bt = tf.randomNormal([129, 200], 0, 1, 'float32', 3);
  add(tf.matMul(a, b));
  add(tf.matMul(a, bt, false, true));
  add(tf.matMul(a, a, true, false));
  const x = tf.randomNormal([16, 14, 14, 32], 0, 1, 'float32', 4);
  const w = tf.randomNormal([5, 5, 32, 64], 0, 1, 'float32', 5);
  const [dx, dw] = tf.grads((xi, wi) => tf.sum(tf.square(tf.conv2d(xi, wi, 2, 'same'))))([x, w]);
  add(tf.conv2d(x, w, 2, 'same'));
  add(dx);
  add(dw);
  tf.dispose([a, b, bt, x, w]);
}
console.log(describeBackend(info).split('\\n')[0], info.gemm, hash.digest('hex').slice(0, 16));`;

  test('uses the threads it is given, with the same bits for 1, 2 and 3 threads, and exits when done', () => {
    const one = runNode(threadsProgram, 'module', { THREADS: '1' });
    const two = runNode(threadsProgram, 'module', { THREADS: '2' });
    const three = runNode(threadsProgram, 'module', { THREADS: '3' });
    expect(one).toMatch(/^backend: wasm \(SIMD on, 1 thread\), requested wasm fma [0-9a-f]{16}\n$/);
    expect(two).toMatch(/^backend: wasm \(SIMD on, 2 threads\), requested wasm fma [0-9a-f]{16}\n$/);
    expect(three).toMatch(/^backend: wasm \(SIMD on, 3 threads\), requested wasm fma [0-9a-f]{16}\n$/);
    expect(two.split(' ').at(-1)).toBe(one.split(' ').at(-1));
    expect(three.split(' ').at(-1)).toBe(one.split(' ').at(-1));
  });

  test("XNNPACK keeps one thread while dlkit's GEMM runs and gets them all when the GEMM is off at start-up", () => {
    const program = `import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { initBackend, setWasmGemm } from '@dlkit/backend';
if (process.env.GEMM === 'off') setWasmGemm('off');
const info = await initBackend('wasm', { threads: 2 });
console.log(info.threads, info.gemm ?? 'xnnpack', getThreadsCount());`;
    expect(runNode(program, 'module', { GEMM: 'auto' })).toBe('2 fma 1\n');
    expect(runNode(program, 'module', { GEMM: 'off' })).toBe('2 xnnpack 2\n');
  });

  test('DLKIT_WASM_THREADS that is not a whole number ≥ 1 is an error naming it', () => {
    const program = `import { initBackend } from '@dlkit/backend';
initBackend('wasm').catch((error) => console.log(error.message));`;
    expect(runNode(program, 'module', { DLKIT_WASM_THREADS: 'lots' })).toMatch(
      /wasm threads must be a whole number ≥ 1, found DLKIT_WASM_THREADS=lots/,
    );
  });

  test('holds no copy of tfjs-core: its source maps name no tfjs-core file and its code is ours alone', () => {
    const dist = join(packageRoot, 'dist');
    const code = readdirSync(dist).filter((file) => /\.(c?js)$/.test(file));
    expect(code).toContain('index.js');
    for (const file of code.filter((name) => name.endsWith('.js'))) {
      const { sources } = JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8')) as { sources: string[] };
      expect(sources.filter((source) => /tfjs-core|node_modules/.test(source))).toEqual([]);
    }
    // tfjs-core's engine keeps itself on the global as _tfengine: a bundled engine would carry the name
    for (const file of code) expect(readFileSync(join(dist, file), 'utf8')).not.toMatch(/_tfengine|kernelRegistry|gradRegistry/);
    // index.js was 354 kB with tfjs-core's gradients bundled; dlkit's own code is ~100 kB, besides ~78 kB
    // of WebAssembly in base64 strings (four GEMM builds and two of kernels.wat): limits well under the
    // bundled size that leave room to grow
    for (const file of code) {
      const text = readFileSync(join(dist, file), 'utf8');
      expect(text.replace(/(['"])[A-Za-z0-9+/=]{200,}\1/g, "''").length).toBeLessThan(125_000);
      expect(statSync(join(dist, file)).size).toBeLessThan(225_000);
    }
  });

  const registeredProgram = `
(async () => {
  const before = ['Sigmoid', 'Conv2D', 'BatchMatMul'].map((kernel) => tf.getGradient(kernel) !== undefined);
  await tf.setBackend('cpu');
  const g = tf.grad((x) => tf.sum(tf.mul(tf.sigmoid(x), x)))(tf.tensor1d([0, 1]));
  console.log(before.join(','), Array.from(g.dataSync()).map((v) => v.toFixed(6)).join(','));
})();`;

  test.each([
    ['ESM', 'module', `import * as tf from '@tensorflow/tfjs-core'; import '@tensorflow/tfjs-backend-cpu'; import '@dlkit/backend';`],
    [
      'CommonJS',
      'commonjs',
      `const tf = require('@tensorflow/tfjs-core'); require('@tensorflow/tfjs-backend-cpu'); require('@dlkit/backend');`,
    ],
  ] as const)("registers tfjs's gradients into the installed tfjs-core as it loads, without initBackend (%s)", (_, type, load) => {
    expect(runNode(`${load}\n${registeredProgram}`, type)).toBe('true,true,true 0.500000,0.927671\n');
  });

  const oneCopyProgram = (load: string) => `
${load}
(async () => {
  const { esm, cjs } = await loaded;
  esm.setFastKernels(false);
  const offThroughRequire = cjs.fastKernelsEnabled();
  cjs.setFastKernels(true);
  const onThroughImport = esm.fastKernelsEnabled();
  const error = await cjs.initBackend('gpu', { env: {} }).catch((caught) => caught);
  console.log(JSON.stringify({
    offThroughRequire,
    onThroughImport,
    sameClasses: esm.BackendUnavailableError === cjs.BackendUnavailableError && esm.BackendError === cjs.BackendError,
    requiredErrorIsImportedClass: error instanceof esm.BackendUnavailableError && error instanceof esm.BackendError,
    sameFunctions: esm.initBackend === cjs.initBackend,
  }));
})();`;
  const oneCopy =
    '{"offThroughRequire":false,"onThroughImport":true,"sameClasses":true,"requiredErrorIsImportedClass":true,"sameFunctions":true}\n';

  test('import and require in one process share one copy: setFastKernels through one is seen through the other, one error class', () => {
    const importFirst = `import { createRequire } from 'node:module';
const loaded = import('@dlkit/backend').then((esm) => ({ esm, cjs: createRequire(import.meta.url)('@dlkit/backend') }));`;
    const requireFirst = `const cjs = require('@dlkit/backend');
const loaded = import('@dlkit/backend').then((esm) => ({ esm, cjs }));`;
    expect(runNode(oneCopyProgram(importFirst), 'module')).toBe(oneCopy);
    expect(runNode(oneCopyProgram(requireFirst), 'commonjs')).toBe(oneCopy);
  });
});
