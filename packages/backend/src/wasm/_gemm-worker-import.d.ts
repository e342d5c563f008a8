// package.json's "#gemm-worker": how to start a GEMM worker, _spawn-gemm-worker-node.ts under the `node`
// condition, _spawn-gemm-worker-browser.ts everywhere else (both built into dist, both this signature:
// GemmWorkerData in, GemmWorkerHandle out, spelled out because an ambient module cannot import them).
declare module '#gemm-worker' {
  export function spawnGemmWorker(data: {
    modules: (WebAssembly.Module | null)[];
    kernels: WebAssembly.Module | null;
    memory: WebAssembly.Memory;
    controlAddress: number;
    id: number;
  }): { readonly error: unknown; terminate(): unknown };
}
