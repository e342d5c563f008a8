import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

// Runs the built package the way a user's program would: a fresh Node process, no vitest transforms.
function runNode(source: string, type: 'module' | 'commonjs'): string {
  const flag = type === 'module' ? '--input-type=module' : '--input-type=commonjs';
  return execFileSync(process.execPath, [flag, '-e', source], { cwd: packageRoot, encoding: 'utf8' });
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
});
