import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { builtPackage, tempDir } from '@dlkit/test-utils';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';

// The built package (pnpm build first; turbo's test task depends on build), run as a user's program would.
const { root, runNode } = builtPackage(import.meta.url);

const program = (load: string) => `
${load}
(async () => {
  const seen = [];
  for await (const event of training.runEpochs({ count: 5, batchSize: 2, stepsPerEpoch: 3, seed: 1, shuffleStream: 2 })) {
    seen.push(event.type === 'step' ? event.indices.join('') : event.type);
  }
  const topology = training.sequentialTopology('m', [2], [training.denseLayer('d', 1, { activation: 'sigmoid' })]);
  console.log([Object.keys(training).sort().join(','), Object.keys(node).sort().join(','), seen.join(' '), topology.config.layers[0].config.activation].join(' | '));
})();`;

// In Node '@dlkit/training' is the node entry itself (package.json's "node" condition): the same names.
const expected = `${[
  'activationLayer,batchNormalizationLayer,checkpointOptions,conv2dTransposeLayer,denseLayer,glorotUniform,layersModelArtifacts,leakyReluLayer,onesInitializer,reshapeLayer,runEpochs,saveLayersModel,sequentialTopology,trainingEvents,varianceScaling,zerosInitializer',
  'activationLayer,batchNormalizationLayer,checkpointOptions,conv2dTransposeLayer,denseLayer,glorotUniform,layersModelArtifacts,leakyReluLayer,onesInitializer,reshapeLayer,runEpochs,saveLayersModel,sequentialTopology,trainingEvents,varianceScaling,zerosInitializer',
  '41 20 3 epoch end',
  'sigmoid',
].join(' | ')}\n`;

describe('the built package (dist)', () => {
  test('both entries load from ESM', () => {
    const load = `import * as training from '@dlkit/training'; import * as node from '@dlkit/training/node';`;
    expect(runNode(program(load), 'module')).toBe(expected);
  });

  test('both entries load from CommonJS', () => {
    const load = `const training = require('@dlkit/training'); const node = require('@dlkit/training/node');`;
    expect(runNode(program(load), 'commonjs')).toBe(expected);
  });

  // What the browser step of the project needs: a bundler targeting browsers takes the main entry as it is.
  test.each(['index.js', 'index.cjs'])(
    'the main entry (%s) bundles for the browser: no node: built-in is reachable from it',
    async (file) => {
      const result = await build({
        entryPoints: [join(root, 'dist', file)],
        bundle: true,
        platform: 'browser',
        format: 'esm',
        write: false,
        logLevel: 'silent',
        external: ['@tensorflow/tfjs-core'],
      });
      expect(result.errors).toEqual([]);
      expect(result.outputFiles[0]!.text).toContain('shuffledIndices');
    },
  );

  test('the node entry does not bundle for the browser, so the check above can fail', async () => {
    const bundling = build({
      entryPoints: [join(root, 'dist', 'node.js')],
      bundle: true,
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      external: ['@tensorflow/tfjs-core'],
    });
    await expect(bundling).rejects.toThrow(/Could not resolve "(node:)?fs\/promises"/);
  });

  test.each(['node16', 'bundler', 'node10'])(
    'TypeScript with moduleResolution %s finds the types of both entries',
    (resolution) => {
      const folder = tempDir('.types-check-', root);
      // The package as an app has it installed (its own dependencies resolve from its real folder).
      mkdirSync(join(folder, 'node_modules', '@dlkit'), { recursive: true });
      symlinkSync(root, join(folder, 'node_modules', '@dlkit', 'training'));
      const source = `import { runEpochs, type LayersModelArtifacts } from '@dlkit/training';
import { saveLayersModel } from '@dlkit/training/node';
export const checked: [typeof runEpochs, typeof saveLayersModel, LayersModelArtifacts | undefined] = [runEpochs, saveLayersModel, undefined];
`;
      // node10 ignores "exports" and reads typesVersions instead.
      const file = join(folder, resolution === 'node10' ? 'check.ts' : 'check.mts');
      writeFileSync(file, source);
      const module = { node16: 'node16', bundler: 'esnext', node10: 'commonjs' }[resolution]!;
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      const args = ['--noEmit', '--strict', '--skipLibCheck', '--types', 'node', '--module', module, '--moduleResolution', resolution];
      const output = execFileSync(process.execPath, [tsc, ...args, '--ignoreDeprecations', '5.0', file], {
        cwd: folder,
        encoding: 'utf8',
      });
      expect(output).toBe('');
    },
    60_000,
  );
});
