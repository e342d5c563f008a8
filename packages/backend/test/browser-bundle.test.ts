import { browserBundle } from '@dlkit/test-utils';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

test("the main entry bundles for a browser with no Node built-in: the app's one tfjs-core, tfjs's gradient module, no Node-only file", async () => {
  const { builtins, inputs, bytes } = await browserBundle(import.meta.url);
  expect(builtins).toEqual([]);
  expect(inputs.filter((path) => path.endsWith('/tfjs-core/dist/register_all_gradients.js'))).toHaveLength(1);
  expect(inputs.filter((path) => path.endsWith('/tfjs-core/dist/engine.js'))).toHaveLength(1);
  expect(inputs.filter((path) => /\.node\.js$/.test(path))).toEqual([]);
  expect(inputs.filter((path) => /startup-platform\.web\.js$/.test(path))).toHaveLength(1);
  expect(bytes).toBeGreaterThan(0);
});

test("the GEMM's workers start as module Web Workers on dist/gemm-worker.js, a file of the package", async () => {
  const { inputs, code } = await browserBundle(import.meta.url);
  expect(inputs.filter((path) => path.endsWith('dist/spawn-gemm-worker.browser.js'))).toHaveLength(1);
  expect(code).toMatch(/new Worker\(new URL\("\.\/gemm-worker\.js", ?import\.meta\.url\), ?\{ ?type: ?"module" ?\}\)/);
  expect(statSync(fileURLToPath(new URL('../dist/gemm-worker.js', import.meta.url))).isFile()).toBe(true);
});
