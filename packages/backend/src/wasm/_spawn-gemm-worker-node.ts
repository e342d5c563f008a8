// Node's way to start a GEMM worker (package.json's "#gemm-worker" for the `node` condition): a
// worker_threads Worker on gemm-worker.js next to this file (gemm-worker.ts when the tests run the source).
import { Worker } from 'node:worker_threads';
import type { GemmWorkerData } from './gemm-worker';
import type { GemmWorkerHandle } from './wasm-gemm';

const workerFile = new URL(import.meta.url.endsWith('.ts') ? './gemm-worker.ts' : './gemm-worker.js', import.meta.url);

export function spawnGemmWorker(data: GemmWorkerData): GemmWorkerHandle {
  // No inherited flags (an app run with --input-type=module would make a file worker fail to start).
  const worker = new Worker(workerFile, { workerData: data, execArgv: [] });
  // The pool lives as long as the process: it must not keep Node from exiting.
  worker.unref();
  const handle = { error: undefined as unknown, terminate: () => worker.terminate() };
  worker.on('error', (error) => {
    handle.error = error;
  });
  return handle;
}
