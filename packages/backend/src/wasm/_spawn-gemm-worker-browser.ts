// A browser's way to start a GEMM worker (package.json's "#gemm-worker" for every condition but `node`):
// a module Web Worker on gemm-worker.js next to this file, a pattern bundlers follow. The page must be
// cross-origin isolated for tfjs's threaded build (and its shared memory) to start at all.
import type { GemmWorkerData } from './gemm-worker';
import type { GemmWorkerHandle } from './wasm-gemm';

export function spawnGemmWorker(data: GemmWorkerData): GemmWorkerHandle {
  const worker = new Worker(new URL('./gemm-worker.js', import.meta.url), { type: 'module' });
  const handle = { error: undefined as unknown, terminate: () => worker.terminate() };
  worker.onerror = (event) => {
    handle.error = event.error ?? new Error(event.message);
  };
  worker.postMessage(data);
  return handle;
}
