import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { builtPackage, tempDir } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';

// These run the built package (pnpm build first; turbo's test task depends on build) the way a user's
// program would: a fresh Node process importing '@dlkit/lstm-grad' and '@dlkit/lstm-grad/tfjs' by name.
const { root: packageRoot, runNode } = builtPackage(import.meta.url);

// Trains nothing; checks that both entries load, agree with each other and keep one LstmShapeError class.
const program = (load: string) => `
${load}
(async () => {
  await backend.initBackend('cpu', { env: {} });
  const x = tf.tensor3d([0.5, -1, 0.25, 2], [2, 1, 2]);
  const W = tf.tensor2d(Array.from({ length: 12 }, (_, k) => Math.sin(k + 1) * 0.5), [4, 3]);
  const dh = tf.tensor3d([1, -0.5], [2, 1, 1]);
  const [dx, dW] = tf.grads((x, W) => tf.sum(tf.mul(op.lstm(x, { W }).h, dh)))([x, W]);
  const f64 = (t) => main.float64Tensor(t.shape, t.dataSync());
  const run = main.lstmForward(f64(x), { W: f64(W) });
  const ref = main.lstmBackward(run, f64(dh));
  const check = main.compareGradients({ x: dx.dataSync(), W: dW.dataSync() }, { x: ref.dx.data, W: ref.dW.data }, { floor: 1e-3 });
  let sameError = false;
  try { op.lstm(x, { W: tf.zeros([4, 4]) }); } catch (error) { sameError = error instanceof main.LstmShapeError; }
  console.log([Object.keys(main).sort().join(','), Object.keys(op).sort().join(','), check.passed, sameError].join(' | '));
})();`;

const expected = `${[
  'LstmShapeError,compareGradients,float64Tensor,gradCheck,lstmBackward,lstmForward,lstmGradCheck,lstmGradientFormulas,lstmSizes',
  'LstmShapeError,lstm,lstmAutodiff',
  'true',
  'true',
].join(' | ')}\n`;

describe('the built package (dist)', () => {
  test('both entries load from ESM, agree, and share LstmShapeError', () => {
    const load = `import * as tf from '@tensorflow/tfjs-core'; import * as backend from '@dlkit/backend';
      import * as main from '@dlkit/lstm-grad'; import * as op from '@dlkit/lstm-grad/tfjs';`;
    expect(runNode(program(load), 'module')).toBe(expected);
  });

  test('both entries load from CommonJS, agree, and share LstmShapeError', () => {
    const load = `const tf = require('@tensorflow/tfjs-core'); const backend = require('@dlkit/backend');
      const main = require('@dlkit/lstm-grad'); const op = require('@dlkit/lstm-grad/tfjs');`;
    expect(runNode(program(load), 'commonjs')).toBe(expected);
  });

  test('the main entry loads no tfjs, from ESM or CommonJS', () => {
    const cjs = `require('@dlkit/lstm-grad'); console.log(Object.keys(require.cache).filter((file) => file.includes('@tensorflow')).length);`;
    expect(runNode(cjs, 'commonjs').trim()).toBe('0');
    // Its own chunks and @dlkit/random, which imports nothing (its dist test checks).
    for (const file of ['index.js', 'index.cjs']) {
      const source = readFileSync(join(packageRoot, 'dist', file), 'utf8');
      const imported = [...source.matchAll(/(?:from |require\()["']([^"']+)["']/g)].map((match) => match[1]);
      expect(imported.every((specifier) => specifier?.startsWith('./') || specifier === '@dlkit/random')).toBe(true);
    }
  });

  test.each(['node16', 'bundler', 'node10'])(
    'TypeScript with moduleResolution %s finds the types of both entries',
    (resolution) => {
      const folder = tempDir('.types-check-', packageRoot);
      const source = `import { lstmForward, type LstmGradients } from '@dlkit/lstm-grad';
import { lstm, type LstmOutput } from '@dlkit/lstm-grad/tfjs';
export const checked: [typeof lstmForward, typeof lstm, LstmGradients | undefined, LstmOutput | undefined] = [lstmForward, lstm, undefined, undefined];
`;
      // node10 ignores "exports" and reads typesVersions instead.
      const file = join(folder, resolution === 'node10' ? 'check.ts' : 'check.mts');
      writeFileSync(file, source);
      const module = { node16: 'node16', bundler: 'esnext', node10: 'commonjs' }[resolution]!;
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      const output = execFileSync(
        process.execPath,
        [
          tsc,
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          '--types',
          'node',
          '--module',
          module,
          '--moduleResolution',
          resolution,
          '--ignoreDeprecations',
          '5.0',
          file,
        ],
        { cwd: packageRoot, encoding: 'utf8' },
      );
      expect(output).toBe('');
    },
    60_000,
  );

  test('the packed tarball holds every file both entries need', () => {
    const folder = tempDir('lstm-grad-pack-');
    execFileSync('pnpm', ['pack', '--pack-destination', folder], { cwd: packageRoot, stdio: 'pipe' });
    const tarball = readdirSync(folder).find((file) => file.endsWith('.tgz'))!;
    const installed = join(folder, 'node_modules', '@dlkit', 'lstm-grad');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(folder, tarball), '-C', installed, '--strip-components=1']);
    // Peers from this workspace, as an app would have them installed.
    mkdirSync(join(folder, 'node_modules', '@tensorflow'), { recursive: true });
    symlinkSync(
      realpathSync(join(packageRoot, 'node_modules', '@tensorflow', 'tfjs-core')),
      join(folder, 'node_modules', '@tensorflow', 'tfjs-core'),
    );
    symlinkSync(realpathSync(join(packageRoot, 'node_modules', '@dlkit', 'backend')), join(folder, 'node_modules', '@dlkit', 'backend'));
    // Its dependency, as npm would install it.
    symlinkSync(realpathSync(join(packageRoot, 'node_modules', '@dlkit', 'random')), join(folder, 'node_modules', '@dlkit', 'random'));
    const run = (flag: string, source: string) => execFileSync(process.execPath, [flag, '-e', source], { cwd: folder, encoding: 'utf8' });
    const esm = `import * as main from '@dlkit/lstm-grad'; import * as op from '@dlkit/lstm-grad/tfjs';
      console.log(main.lstmGradCheck({ steps: 2 }).passed, typeof op.lstm)`;
    const cjs = `const main = require('@dlkit/lstm-grad'); const op = require('@dlkit/lstm-grad/tfjs');
      console.log(main.lstmGradCheck({ steps: 2 }).passed, typeof op.lstm)`;
    expect(run('--input-type=module', esm)).toBe('true function\n');
    expect(run('--input-type=commonjs', cjs)).toBe('true function\n');
  }, 60_000);
});
