import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedTempDir } from '@dlkit/test-utils';
import { beforeAll, describe, expect, inject, test } from 'vitest';

// Every tarball, packed as `pnpm publish` would (test/_pack-tarballs.ts), installed together with plain npm, far from the workspace.
const packed = inject('packed');
const packageNames = packed.map((p) => p.name);
const appDir = sharedTempDir('dlkit-install-');

beforeAll(() => {
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'dlkit-user', private: true }));
  const files = packed.map((p) => p.tarball);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '@tensorflow/tfjs-core@4.22.0', ...files], {
    cwd: appDir,
    stdio: 'pipe',
  });
});

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: appDir, encoding: 'utf8' });
}

describe('packed packages installed with npm', () => {
  test.each(packageNames)('%s imports from ESM and CommonJS with the same exports', (name) => {
    const esm = node(['--input-type=module', '-e', `console.log(Object.keys(await import('${name}')).sort().join(','))`]);
    const cjs = node(['--input-type=commonjs', '-e', `console.log(Object.keys(require('${name}')).sort().join(','))`]);
    expect(esm.trim().length).toBeGreaterThan(0);
    expect(cjs).toBe(esm);
  });

  test('@dlkit/backend finds its .wasm files and computes a gradient from the installed tarball', () => {
    const program = `
      import * as tf from '@tensorflow/tfjs-core';
      import { initBackend } from '@dlkit/backend';
      const info = await initBackend('auto', { env: {} });
      const g = tf.grad((x) => tf.sum(tf.square(x)))(tf.tensor1d([1.5, -2]));
      console.log(info.name, info.simd, Array.from(g.dataSync()).join(','));`;
    expect(node(['--input-type=module', '-e', program]).trim()).toBe('wasm true 3,-4');
  });

  test.each(['module', 'commonjs'])("@dlkit/backend's own WASM kernels run from the installed tarball (%s)", (type) => {
    // one Adam step through denseByColumns: wᵀx > 0, so the gradient is x per row and the step −0.1·sign
    const program = `
      const tf = ${type === 'module' ? "await import('@tensorflow/tfjs-core')" : "require('@tensorflow/tfjs-core')"};
      const { Adam, denseByColumns, initBackend, setFastKernels } = ${type === 'module' ? "await import('@dlkit/backend')" : "require('@dlkit/backend')"};
      (async () => {
        await initBackend('wasm', { env: {} });
        const step = async (fast) => {
          setFastKernels(fast);
          const w = tf.variable(tf.tensor2d([[1, 2], [3, 4], [5, 6]]));
          const adam = new Adam([w], { learningRate: 0.1 });
          const x = tf.tensor2d([[1], [2], [3]]);
          const { kernelNames } = await tf.profile(() => {
            const { grads } = tf.variableGrads(() => tf.sum(denseByColumns(x, w, undefined, { activation: 'leakyRelu' })), [w]);
            adam.apply([grads[w.name]]);
          });
          return { values: Array.from(w.dataSync()), ours: kernelNames.includes('DlkitAdamUpdate') };
        };
        const fast = await step(true);
        const stock = await step(false);
        console.log(fast.ours && !stock.ours, JSON.stringify(fast.values) === JSON.stringify(stock.values), fast.values.map((v) => v.toFixed(3)).join(','));
      })();`;
    expect(node([`--input-type=${type}`, '-e', program]).trim()).toBe('true true 0.900,1.900,2.900,3.900,4.900,5.900');
  });

  test.each(['module', 'commonjs'])(
    "@dlkit/backend's GEMM runs on 2 threads from the installed tarball, its worker found there, and lets Node exit (%s)",
    (type) => {
      // a product big enough to be split between the caller and the worker, and a conv filter gradient
      // (stock wasm has none): the same values with the GEMM off (XNNPACK) and on cpu
      const program = `
      const tf = ${type === 'module' ? "await import('@tensorflow/tfjs-core')" : "require('@tensorflow/tfjs-core')"};
      const { initBackend, setWasmGemm } = ${type === 'module' ? "await import('@dlkit/backend')" : "require('@dlkit/backend')"};
      const { existsSync } = require('node:fs');
      (async () => {
        const worker = require.resolve('@dlkit/backend').replace(/index\\.cjs$/, 'gemm-worker.js');
        const info = await initBackend('wasm', { threads: 2, env: {} });
        const a = tf.randomNormal([256, 300], 0, 1, 'float32', 1);
        const b = tf.randomNormal([200, 300], 0, 1, 'float32', 2);
        const ours = tf.matMul(a, b, false, true).dataSync();
        setWasmGemm('off');
        const xnnpack = tf.matMul(a, b, false, true).dataSync();
        setWasmGemm('auto');
        let worst = 0;
        for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i] - xnnpack[i]));
        const x = tf.randomNormal([4, 8, 8, 3], 0, 1, 'float32', 3);
        const w = tf.randomNormal([3, 3, 3, 5], 0, 1, 'float32', 4);
        const dw = tf.grad((wi) => tf.sum(tf.square(tf.conv2d(x, wi, 2, 'same'))))(w).dataSync();
        await initBackend('cpu', { env: {} });
        const dwCpu = tf.grad((wi) => tf.sum(tf.square(tf.conv2d(tf.tensor(x.dataSync(), x.shape), wi, 2, 'same'))))(tf.tensor(w.dataSync(), w.shape)).dataSync();
        let worstConv = 0;
        for (let i = 0; i < dw.length; i++) worstConv = Math.max(worstConv, Math.abs(dw[i] - dwCpu[i]) / (1 + Math.abs(dwCpu[i])));
        console.log(existsSync(worker), info.threads, info.gemm, worst < 1e-3, worstConv < 1e-4);
      })();`;
      const args =
        type === 'module'
          ? [
              '--input-type=module',
              '-e',
              `import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/');\n${program}`,
            ]
          : ['--input-type=commonjs', '-e', program];
      expect(node(args).trim()).toBe('true 2 fma true true');
    },
  );
});
