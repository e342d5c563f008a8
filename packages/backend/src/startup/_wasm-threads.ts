import { createRequire } from 'node:module';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker as NodeWorker, type WorkerOptions } from 'node:worker_threads';
import { BackendError } from '../backend-error';

/**
 * tfjs-backend-wasm's threaded SIMD build cannot start in Node as shipped (tfjs issue #3830): it starts
 * its pthread workers from a `blob:` URL, which Node's Worker rejects, and it sizes its thread pool as
 * `os.cpus().length / 2` (assuming hyper-threading), which is 1 on a 2-core machine. This module works
 * around both for the duration of the backend's start-up, so XNNPACK can get `threads` threads:
 * - a global `Worker` that starts the worker script from source (`eval: true`), with `importScripts` of
 *   the blob-wrapped factory redirected to the same factory's file in wasm-out/;
 * - `os.cpus()` reporting `2 × threads` entries while the module initializes, then restored.
 * The workers do not keep the process alive: the pool lives as long as the process.
 */
export function prepareWasmThreads(threads: number): () => void {
  const require = createRequire(import.meta.url);
  const wasmOut = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '..', 'wasm-out');
  const factoryFile = join(wasmOut, 'tfjs-backend-wasm-threaded-simd.js');
  const { wasmWorkerContents } = require(join(wasmOut, 'tfjs-backend-wasm-threaded-simd.worker.js')) as { wasmWorkerContents: string };
  const { version } = require(join(wasmOut, '..', 'package.json')) as { version: string };
  const workerSource = patchWorkerSource(wasmWorkerContents, factoryFile, version);

  class SourceWorker extends NodeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      if (String(url).startsWith('blob:'))
        super(workerSource, { eval: true, execArgv: [] }); // the script is CommonJS whatever the app's flags (--input-type=module)
      else super(url, options);
      this.unref();
    }
    // pthreads run forever in XNNPACK's pool; a referenced worker would keep Node from exiting.
    override ref(): void {}
  }

  const global = globalThis as { Worker?: unknown };
  const previousWorker = Object.getOwnPropertyDescriptor(global, 'Worker');
  // Emscripten assigns `global.Worker = worker_threads.Worker` while it starts; keep ours in place.
  Object.defineProperty(global, 'Worker', { configurable: true, get: () => SourceWorker, set: () => {} });

  const os = require('node:os') as { cpus: () => unknown[] };
  const realCpus = os.cpus;
  os.cpus = () => {
    const cpus = realCpus.call(os);
    const first = cpus[0] ?? {};
    while (cpus.length < 2 * threads) cpus.push(first);
    return cpus;
  };

  return () => {
    os.cpus = realCpus;
    // Workers the pool may still start later need the shim, as emscripten's own global would be.
    if (previousWorker) Object.defineProperty(global, 'Worker', previousWorker);
    else Object.defineProperty(global, 'Worker', { configurable: true, writable: true, value: SourceWorker });
  };
}

/**
 * Threads to use when the caller does not say: the cores that are idle right now (at most 8, at least
 * 1), measured from the kernel's per-core idle time over a short window. XNNPACK splits each product
 * evenly and waits for its slowest thread, so a thread on a core another process keeps busy slows every
 * step: on a loaded 2-core machine 1 thread measured faster than 2 (336 against 217–263 GAN
 * samples/s), on an idle one 2 threads reach 914 against 652. The 1-minute load average is no guide:
 * it still counts the build that ran just before training.
 */
export async function defaultWasmThreads(windowMs = 250): Promise<number> {
  const cores = availableParallelism();
  if (cores === 1) return 1;
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const after = cpuTimes();
  const total = after.total - before.total;
  const busyCores = total > 0 ? ((total - (after.idle - before.idle)) / total) * cpus().length : 0;
  return Math.max(1, Math.min(8, cores, cores - Math.round(busyCores)));
}

function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}

function patchWorkerSource(source: string, factoryFile: string, version: string): string {
  const importScripts = 'importScripts:function(f){';
  const blobImport = 'var objectUrl=URL.createObjectURL(e.data.urlOrBlob);importScripts(objectUrl);URL.revokeObjectURL(objectUrl)';
  if (!source.includes(importScripts) || !source.includes(blobImport)) {
    throw new BackendError(
      `tfjs-backend-wasm's threaded worker script is not the one dlkit starts from source (expected version 4.22.0's, found ${version}'s)`,
      { kind: 'internal' },
    );
  }
  return source
    .replace(/\n/g, '\\n')
    .replace(importScripts, `${importScripts}if(typeof f!=="string"||f.startsWith("blob:"))f=${JSON.stringify(factoryFile)};`)
    .replace(blobImport, 'importScripts(null)');
}
