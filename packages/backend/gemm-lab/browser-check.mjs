// The lab GEMM and its worker pool in a browser: headless Chromium loads a cross-origin-isolated page
// (COOP/COEP headers, so SharedArrayBuffer exists) that compiles the shared-memory module, starts one
// Web Worker on gemm-worker.mjs sharing the memory, and checks results and speed. The main thread never
// blocks (Atomics.wait is not allowed there): it spins for the workers. Driven over the DevTools protocol
// with Node's own WebSocket, no browser package needed.  node gemm-lab/browser-check.mjs [/usr/bin/chromium]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileGemm } from './gen-gemm.mjs';

const chromium = process.argv[2] ?? '/usr/bin/chromium';
const here = fileURLToPath(new URL('.', import.meta.url));
const wasm = {
  '/gemm-fma-shared.wasm': Buffer.from(await compileGemm({ shared: true, fma: true })),
  '/gemm-plain-shared.wasm': Buffer.from(await compileGemm({ shared: true, fma: false })),
};

const page = `<!doctype html><meta charset="utf-8"><title>gemm-lab</title>
<script type="module">
import { bumpAllocator, hasRelaxedSimd, referenceGemm } from './gemm.mjs';
import { GemmPool } from './pool.mjs';
window.labResult = (async () => {
  const fma = hasRelaxedSimd();
  const module = await WebAssembly.compile(await (await fetch(fma ? '/gemm-fma-shared.wasm' : '/gemm-plain-shared.wasm')).arrayBuffer());
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
  const alloc = bumpAllocator(memory);
  const spawn = async (data) => {
    const worker = new Worker('./gemm-worker.mjs', { type: 'module' });
    const handle = { error: undefined, terminate: () => worker.terminate() };
    worker.onerror = (event) => { handle.error = new Error(event.message); };
    worker.postMessage(data);
    return handle;
  };
  const pool = await GemmPool.create({ module, memory, alloc, threads: 2, spawn, callerSpinUs: Infinity, minFlops: 0 });
  const fill = (address, count) => { const f = new Float32Array(memory.buffer, address, count); for (let i = 0; i < count; i++) f[i] = Math.random() - 0.5; return f.slice(); };
  // Correctness: 129×257×100, every transpose case, 1 and 2 threads bit for bit, float64 reference.
  const [m, n, k] = [129, 257, 100];
  let maxErr = 0, sameBits = true;
  for (const transA of [0, 1]) for (const transB of [0, 1]) {
    const a = alloc(m * k * 4), b = alloc(k * n * 4), c = alloc(m * n * 4);
    const A = fill(a, m * k), B = fill(b, k * n);
    pool.gemm(transA, transB, m, n, k, a, b, c, 0, 1);
    const one = new Float32Array(memory.buffer, c, m * n).slice();
    pool.gemm(transA, transB, m, n, k, a, b, c, 0, 2);
    const two = new Float32Array(memory.buffer, c, m * n);
    const ref = referenceGemm(transA, transB, m, n, k, A, B);
    for (let i = 0; i < m * n; i++) { maxErr = Math.max(maxErr, Math.abs(two[i] - ref[i])); if (!Object.is(one[i], two[i])) sameBits = false; }
  }
  // Speed: [128,1024]·[1024,784], 1 and 2 threads.
  const [M, N, K] = [128, 784, 1024];
  const a = alloc(M * K * 4), b = alloc(K * N * 4), c = alloc(M * N * 4);
  fill(a, M * K); fill(b, K * N);
  const rate = (threads) => { let calls = 0; const t0 = performance.now(); while (performance.now() - t0 < 300) { pool.gemm(0, 0, M, N, K, a, b, c, 0, threads); calls++; } return (2 * M * N * K * calls) / ((performance.now() - t0) * 1e6); };
  const rates = { 1: [], 2: [] };
  for (let r = 0; r < 5; r++) for (const t of [1, 2]) rates[t].push(rate(t));
  const median = (xs) => xs.sort((x, y) => x - y)[2];
  await pool.close();
  return { userAgent: navigator.userAgent, crossOriginIsolated, fma, maxErr, sameBits, gflops1: median(rates[1]), gflops2: median(rates[2]) };
})();
</script>`;

const server = createServer((request, response) => {
  const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const path = new URL(request.url, 'http://x').pathname;
  if (path === '/') return response.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(page);
  if (wasm[path]) return response.writeHead(200, { ...headers, 'Content-Type': 'application/wasm' }).end(wasm[path]);
  if (/^\/[\w-]+\.mjs$/.test(path)) {
    return response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(readFileSync(join(here, path.slice(1))));
  }
  response.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
const profile = mkdtempSync(join(tmpdir(), 'gemm-lab-chromium-'));
const port = 9300 + (process.pid % 500);
const browser = spawn(
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
  { stdio: 'ignore' },
);
try {
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
  for (let i = 1; i < 100; i++) {
    reply = await call(i, 'Runtime.evaluate', { expression: 'window.labResult', awaitPromise: true, returnByValue: true });
    if (reply.result?.result?.value !== undefined || reply.result?.exceptionDetails) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  socket.close();
  if (reply.result?.exceptionDetails) throw new Error(JSON.stringify(reply.result.exceptionDetails));
  console.log(JSON.stringify(reply.result.result.value));
} finally {
  browser.kill();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
