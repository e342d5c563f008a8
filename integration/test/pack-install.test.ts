import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';

// Every tarball, packed as `pnpm publish` would (test/_pack-tarballs.ts), installed together with plain npm, far from the workspace.
const packed = inject('packed');
const packageNames = packed.map((p) => p.name);
let appDir = '';

beforeAll(() => {
  appDir = mkdtempSync(join(tmpdir(), 'dlkit-install-'));
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'dlkit-user', private: true }));
  const files = packed.map((p) => p.tarball);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '@tensorflow/tfjs-core@4.22.0', ...files], {
    cwd: appDir,
    stdio: 'pipe',
  });
});

afterAll(() => {
  if (appDir) rmSync(appDir, { recursive: true, force: true });
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
});
