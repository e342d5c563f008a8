import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedTempDir } from '@dlkit/test-utils';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BrowserSession, openBrowser } from './_chromium';

// vite-app/ is a web app as its author writes it, built by Vite with no dlkit-specific configuration
// (only base './', so that the test server can serve it under a folder), run in Chromium in a
// cross-origin isolated page.
const app = fileURLToPath(new URL('../vite-app/', import.meta.url));
const out = sharedTempDir('dlkit-vite-app-');
const builds = { minified: join(out, 'minified'), unminified: join(out, 'unminified') };
let browser: BrowserSession;
beforeAll(async () => {
  for (const [kind, outDir] of Object.entries(builds)) {
    await build({ root: app, base: './', logLevel: 'silent', build: { outDir, emptyOutDir: true, minify: kind === 'minified' } });
  }
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface AppResult {
  backend: string;
  labels: number[];
  accuracy: number;
  grid: number;
  error?: string;
}

describe('a Vite app', () => {
  test("the build serves the packages' assets and tfjs-backend-wasm's binaries (?url): the digits and the classifier load, WASM starts", async () => {
    expect(readdirSync(join(builds.minified, 'assets')).filter((file) => /\.(gz|bin|wasm)$/.test(file)).length).toBeGreaterThanOrEqual(4);
    const result = await browser.openSite<AppResult>(builds.minified);
    expect(result.error).toBeUndefined();
    expect(result.labels).toHaveLength(16);
    expect(result.accuracy).toBeCloseTo(0.9645, 4);
    expect(result.grid).toBe(1);
  });

  test('minified, tfjs-backend-wasm cannot start its threads: initBackend runs one thread and says why, instead of waiting forever', async () => {
    const { backend } = await browser.openSite<AppResult>(builds.minified);
    expect(backend).toMatch(
      /^backend: wasm \(SIMD on, 1 thread\), requested wasm\n {2}note: wasm runs 1 thread, not 2: its threads failed to start \(Uncaught ReferenceError: \w+ is not defined; a minifier that renames identifiers breaks/,
    );
  });

  test('unminified, the same app runs WASM on 2 threads', async () => {
    const { backend } = await browser.openSite<AppResult>(builds.unminified);
    expect(backend).toBe('backend: wasm (SIMD on, 2 threads), requested wasm');
  });
});
