import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { builtPackage } from '@dlkit/test-utils';
import { beforeAll, describe, expect, test } from 'vitest';

// Runs the built package as a user's program would: a fresh Node process importing it by name.
const { root: packageRoot, runNode } = builtPackage(import.meta.url);

beforeAll(() => {
  if (!existsSync(new URL('../dist/index.cjs', import.meta.url))) {
    execFileSync('pnpm', ['run', 'build'], { cwd: packageRoot, stdio: 'pipe' });
  }
});

// The embedded asset must be found from dist/ in both formats; the tfjs entry must work in both.
const program = `
(async () => {
  await backend.initBackend('cpu', { env: {} });
  const data = await mnist.loadMnist({ limit: 3, normalize: '[-1,1]' });
  const t = mnistTfjs.toTensors(data, { oneHot: true });
  console.log(data.count, data.rows, data.cols, Array.from(data.labels).join(''), t.images.shape.join('x'), t.labels.shape.join('x'));
})();`;

describe('the built package (dist)', () => {
  let expected = '';
  test('ESM: loads the embedded digits and makes tensors', () => {
    const load = `import * as mnist from '@dlkit/mnist'; import * as mnistTfjs from '@dlkit/mnist/tfjs'; import * as backend from '@dlkit/backend';`;
    expected = runNode(load + program, 'module');
    expect(expected).toMatch(/^3 28 28 \d{3} 3x784 3x10\n$/);
  });

  test('CommonJS: the same', () => {
    const load = `const mnist = require('@dlkit/mnist'); const mnistTfjs = require('@dlkit/mnist/tfjs'); const backend = require('@dlkit/backend');`;
    expect(runNode(load + program, 'commonjs')).toBe(expected);
  });

  test('reading data needs no tfjs: the main entry loads nothing from @tensorflow', () => {
    const source = `const m = require('@dlkit/mnist'); m.loadMnist({ limit: 1 }).then(() => console.log(Object.keys(require.cache).filter((k) => k.includes('@tensorflow')).length));`;
    expect(runNode(source, 'commonjs').trim()).toBe('0');
  });

  test('ESM and CJS export the same names', () => {
    const esm = runNode(`console.log(Object.keys(await import('@dlkit/mnist')).sort().join(','))`, 'module');
    const cjs = runNode(`console.log(Object.keys(require('@dlkit/mnist')).sort().join(','))`, 'commonjs');
    expect(cjs).toBe(esm);
    expect(esm).toContain('loadMnist');
    expect(runNode(`console.log(Object.keys(require('@dlkit/mnist/tfjs')).join(','))`, 'commonjs').trim()).toBe('toTensors');
  });
});
