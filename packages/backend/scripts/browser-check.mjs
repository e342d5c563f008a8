// dlkit's GEMM in a browser, as an app's bundler would ship it: esbuild bundles src/wasm/wasm-gemm.ts for
// the browser (package.json's "#gemm-worker" resolves to dist/spawn-gemm-worker.browser.js there, which
// starts dist/gemm-worker.js as a module Web Worker), headless Chromium loads it in a cross-origin-isolated
// page (COOP/COEP: SharedArrayBuffer exists), and the page multiplies on a shared memory with 1 and 2
// threads: float64 reference, same bits, GFLOP/s. The main thread never blocks (Atomics.wait is not
// allowed there): it spins for the worker. Driven over the DevTools protocol with Node's WebSocket.
// pnpm --filter @dlkit/backend build && node scripts/browser-check.mjs [/usr/bin/chromium]   → one JSON line
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const chromium = process.argv[2] ?? '/usr/bin/chromium';
const root = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'dlkit-browser-check-'));
let server;
let browser;
// Everything after the folder is made runs in this try: it goes however the check ends.
try {
  // The page's code: WasmGemm on a memory of its own, with a backend object that gives it the memory, a bump
  // allocator for _malloc and tensors as {dataId, shape, dtype}.
  const entry = join(out, 'page.ts');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    entry,
    `import { WasmGemm } from ${JSON.stringify(join(root, 'src/wasm/wasm-gemm.ts'))};
  import { relaxedSimdValidates } from ${JSON.stringify(join(root, 'src/wasm/_wasm-probes.ts'))};
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
  let top = 1 << 16;
  const malloc = (bytes) => {
    const at = Math.ceil(top / 64) * 64;
    top = at + bytes;
    const pages = Math.ceil(top / 65536) - memory.buffer.byteLength / 65536;
    if (pages > 0) memory.grow(pages);
    return at;
  };
  const data = new Map();
  const tensor = (shape) => {
    const dataId = {};
    data.set(dataId, { memoryOffset: malloc(shape.reduce((p, d) => p * d, 1) * 4) });
    return { dataId, shape, dtype: 'float32' };
  };
  const backend = { wasm: { wasmMemory: memory, _malloc: malloc, _free: () => {} }, dataIdMap: data, makeOutput: tensor, disposeData: () => true };
  const view = (t) => new Float32Array(memory.buffer, data.get(t.dataId).memoryOffset, t.shape.reduce((p, d) => p * d, 1));
  window.checkResult = (async () => {
    const gemm = new WasmGemm(backend, memory);
    const [m, n, k] = [300, 257, 200];
    const results = [];
    let maxError = 0;
    for (const [transposeA, transposeB] of [[false, false], [false, true], [true, false], [true, true]]) {
      const a = tensor(transposeA ? [k, m] : [m, k]);
      const b = tensor(transposeB ? [n, k] : [k, n]);
      view(a).forEach((_, i, v) => { v[i] = Math.sin(i) / 2; });
      view(b).forEach((_, i, v) => { v[i] = Math.cos(i) / 2; });
      const A = view(a).slice(), B = view(b).slice();
      const c = view(gemm.matMul(a, b, transposeA, transposeB));
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) sum += (transposeA ? A[p * m + i] : A[i * k + p]) * (transposeB ? B[j * k + p] : B[p * n + j]);
        maxError = Math.max(maxError, Math.abs(c[i * n + j] - sum));
      }
      results.push(c.slice());
    }
    const rate = () => {
      const a = tensor([128, 1024]), b = tensor([1024, 784]);
      view(a).fill(0.5); view(b).fill(0.25);
      let calls = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < 400) { gemm.matMul(a, b, false, false); calls++; }
      return (2 * 128 * 1024 * 784 * calls) / ((performance.now() - t0) * 1e6);
    };
    const gflops1 = rate();
    await gemm.startThreads(2);
    let sameBits = true;
    for (const [index, [transposeA, transposeB]] of [[false, false], [false, true], [true, false], [true, true]].entries()) {
      const a = tensor(transposeA ? [k, m] : [m, k]);
      const b = tensor(transposeB ? [n, k] : [k, n]);
      view(a).forEach((_, i, v) => { v[i] = Math.sin(i) / 2; });
      view(b).forEach((_, i, v) => { v[i] = Math.cos(i) / 2; });
      const c = view(gemm.matMul(a, b, transposeA, transposeB));
      sameBits &&= c.every((value, i) => Object.is(value, results[index][i]));
    }
    const gflops2 = rate();
    const threads = gemm.threads;
    await gemm.stopThreads();
    return { userAgent: navigator.userAgent, crossOriginIsolated, variant: gemm.variant(), relaxedSimd: relaxedSimdValidates(), threads, maxError, sameBits, gflops1, gflops2 };
  })();
  `,
  );
  await build({
    entry: { page: entry },
    outDir: out,
    format: ['esm'],
    platform: 'browser',
    noExternal: [/.*/],
    config: false,
    silent: true,
    dts: false,
    sourcemap: false,
    splitting: false,
    esbuildOptions: (options) => {
      options.absWorkingDir = root; // resolves "#gemm-worker" through this package's package.json
    },
  });
  const files = {
    '/page.js': readFileSync(join(out, 'page.js')),
    '/gemm-worker.js': readFileSync(join(root, 'dist/gemm-worker.js')),
  };
  // gemm-worker.js imports its chunk of _gemm-control: serve dist's chunks too
  for (const match of files['/gemm-worker.js'].toString().matchAll(/from "\.\/(chunk-[\w-]+\.js)"/g)) {
    files[`/${match[1]}`] = readFileSync(join(root, 'dist', match[1]));
  }
  const page = '<!doctype html><meta charset="utf-8"><title>dlkit GEMM</title><script type="module" src="/page.js"></script>';

  server = createServer((request, response) => {
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/') return response.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(page);
    if (files[path]) return response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(files[path]);
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const profile = join(out, 'profile');
  const port = 9300 + (process.pid % 500);
  browser = spawn(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      `--remote-debugging-port=${port}`,
      url,
    ],
    // TMPDIR: its singleton socket folder goes into ours too (a killed Chromium leaves it behind).
    { stdio: 'ignore', env: { ...process.env, TMPDIR: out } },
  );
  let target;
  for (let i = 0; i < 200 && !target; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      target = targets.find((t) => t.type === 'page' && t.url === url);
    } catch {}
  }
  if (!target) throw new Error('Chromium did not open the page');
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  const call = (id, method, params) =>
    new Promise((resolve) => {
      socket.addEventListener('message', function listener(event) {
        const message = JSON.parse(event.data);
        if (message.id === id) {
          socket.removeEventListener('message', listener);
          resolve(message);
        }
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  let reply;
  for (let i = 1; i < 150; i++) {
    reply = await call(i, 'Runtime.evaluate', { expression: 'window.checkResult', awaitPromise: true, returnByValue: true });
    if (reply.result?.result?.value !== undefined || reply.result?.exceptionDetails) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  socket.close();
  if (reply.result?.exceptionDetails) throw new Error(JSON.stringify(reply.result.exceptionDetails));
  console.log(JSON.stringify(reply.result.result.value));
} finally {
  // Chromium writes its profile into the folder until it has exited.
  if (browser && browser.exitCode === null && browser.signalCode === null) {
    const exited = new Promise((resolve) => browser.once('exit', resolve));
    browser.kill();
    await exited;
  }
  server?.close();
  rmSync(out, { recursive: true, force: true, maxRetries: 5 });
}
