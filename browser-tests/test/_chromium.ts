import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForBrowser } from '@dlkit/test-utils/browser-bundle';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; .ci/run installs it when it is missing. */
export const chromiumPath = '/usr/bin/chromium';

// WebGPU and WebGL on SwiftShader (a CPU renderer: keep the work tiny), no background traffic.
const launchArgs = [
  '--headless=new',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--enable-features=Vulkan',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium, headless, with WebGPU and WebGL on SwiftShader (for tests that drive a page themselves). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: chromiumPath, args: launchArgs });
}

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const repository = join(root, '..');
const wasmDist = join(dirname(fileURLToPath(import.meta.resolve('@tensorflow/tfjs-backend-wasm'))), '..', 'dist');
const backendDist = dirname(fileURLToPath(import.meta.resolve('@dlkit/backend')));

const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
  '.bin': 'application/octet-stream',
};

/**
 * A page script bundled as a web app's bundler would bundle it (esbuild, browser conditions, every
 * dependency from node_modules), served over http://127.0.0.1 (WebGPU needs a secure context) with the
 * packages' assets where their `new URL('../assets/…', import.meta.url)` looks (beside the bundle's
 * folder), @dlkit/backend's GEMM worker beside the bundle, and tfjs-backend-wasm's .wasm files under /wasm/. Pages under /isolated/ are cross-origin
 * isolated (COOP same-origin + COEP require-corp: SharedArrayBuffer, WASM threads); under /plain/ not.
 */
export interface BrowserSession {
  /**
   * Opens `source` (an ES module whose default export is an async function) in a page and returns what it
   * resolves to; `workers` are module worker scripts the page can start from new URL('./<name>.js', import.meta.url).
   */
  run<T>(
    source: string,
    options?: { isolated?: boolean; workers?: Readonly<Record<string, string>> },
  ): Promise<{ result: T; console: string[] }>;
  /** Opens `dir/index.html` (a built site, e.g. Vite's output) and returns what its `globalThis.__dlkitResult` resolves to. */
  openSite<T>(dir: string, options?: { isolated?: boolean }): Promise<T>;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<BrowserSession> {
  const scripts = new Map<string, string>();
  let siteDir: string | undefined;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const [, mode, ...rest] = url.pathname.split('/');
    const path = rest.join('/');
    const headers: Record<string, string> =
      mode === 'isolated' ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {};
    const send = (status: number, body: string | Buffer, type = 'text/plain') => {
      response.writeHead(status, { ...headers, 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (url.pathname === '/favicon.ico') return send(204, '');
    if (path === 'app/index.html') return send(200, '<!doctype html><meta charset="utf-8"><body></body>', 'text/html');
    // dlkit's GEMM starts its Web Workers on gemm-worker.js beside the bundle (esbuild copies no worker)
    if (path === 'app/dist/gemm-worker.js') return send(200, readFileSync(join(backendDist, 'gemm-worker.js')), types['.js']);
    const script = /^app\/dist\/([\w-]+)\.js$/.exec(path)?.[1];
    if (script && scripts.has(script)) return send(200, scripts.get(script)!, types['.js']);
    const site = /^site\/(.+)$/.exec(path)?.[1];
    if (site && siteDir && existsSync(join(siteDir, site))) {
      return send(200, readFileSync(join(siteDir, site)), types[extname(site)] ?? 'application/octet-stream');
    }
    const file = assetFile(path);
    if (file) return send(200, readFileSync(file), types[extname(file)] ?? 'application/octet-stream');
    send(404, `not found: ${url.pathname}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  let count = 0;

  return {
    async run<T>(
      source: string,
      { isolated = true, workers = {} }: { isolated?: boolean; workers?: Readonly<Record<string, string>> } = {},
    ) {
      const name = `page${++count}`;
      // Worker scripts (ES modules) are bundled like the page and served beside it: new URL('./<name>.js', import.meta.url).
      for (const [worker, workerSource] of Object.entries(workers)) {
        const bundled = await bundleForBrowser(`import 'worker';`, root, { minify: false, virtual: { worker: workerSource } });
        if (bundled.builtins.length > 0) throw new Error(`the worker's bundle needs Node built-ins: ${JSON.stringify(bundled.builtins)}`);
        scripts.set(worker, bundled.code);
      }
      const { code, builtins } = await bundleForBrowser(`import run from 'page'; globalThis.__dlkitResult = run();`, root, {
        minify: false,
        virtual: { page: source },
      });
      if (builtins.length > 0) throw new Error(`the page's bundle needs Node built-ins: ${JSON.stringify(builtins)}`);
      scripts.set(name, code);
      const page: Page = await browser.newPage();
      const console: string[] = [];
      page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));
      try {
        await page.goto(`${origin}/${isolated ? 'isolated' : 'plain'}/app/index.html`);
        await page.addScriptTag({ url: `${origin}/${isolated ? 'isolated' : 'plain'}/app/dist/${name}.js`, type: 'module' });
        await page.waitForFunction(() => (globalThis as { __dlkitResult?: unknown }).__dlkitResult !== undefined);
        const result = (await page.evaluate(() => (globalThis as { __dlkitResult?: Promise<unknown> }).__dlkitResult)) as T;
        return { result, console };
      } catch (error) {
        throw new Error(`${(error as Error).message}\nbrowser console:\n${console.join('\n')}`);
      } finally {
        await page.close();
      }
    },
    async openSite<T>(dir: string, { isolated = true } = {}) {
      siteDir = dir;
      const page: Page = await browser.newPage();
      const console: string[] = [];
      page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));
      try {
        await page.goto(`${origin}/${isolated ? 'isolated' : 'plain'}/site/index.html`);
        await page.waitForFunction(() => (globalThis as { __dlkitResult?: unknown }).__dlkitResult !== undefined);
        return (await page.evaluate(() => (globalThis as { __dlkitResult?: Promise<unknown> }).__dlkitResult)) as T;
      } catch (error) {
        throw new Error(`${(error as Error).message}\nbrowser console:\n${console.join('\n')}`);
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => (server as Server).close(resolve));
    },
  };
}

// The packages' assets, found where a page bundle's `new URL('../assets/<file>', import.meta.url)` points,
// and tfjs-backend-wasm's binaries under /wasm/.
function assetFile(path: string): string | undefined {
  const asset = /^app\/assets\/([\w.-]+)$/.exec(path)?.[1];
  if (asset) {
    for (const pkg of ['mnist', 'gan']) {
      const file = join(repository, 'packages', pkg, 'assets', asset);
      if (existsSync(file)) return file;
    }
  }
  const wasm = /^wasm\/([\w.-]+\.wasm)$/.exec(path)?.[1];
  if (wasm && existsSync(join(wasmDist, wasm))) return join(wasmDist, wasm);
  return undefined;
}
