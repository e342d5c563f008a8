import type { BackendInfo } from './backend-info';

/**
 * The backend that runs, in one short line for a status bar or a report: `wasm (SIMD on, 2 threads)`,
 * `webgpu (google swiftshader)`, `cpu`, `gpu`. WASM adds whether SIMD is on and its threads (1 when
 * unknown); WebGPU and WebGL their device when known; the others are their name.
 *
 * @example summarizeBackend(await initBackend()) // 'wasm (SIMD on, 1 thread)'
 */
export function summarizeBackend(info: BackendInfo): string {
  if (info.name === 'wasm') {
    const threads = info.threads ?? 1;
    return `wasm (SIMD ${info.simd ? 'on' : 'off'}, ${threads} thread${threads === 1 ? '' : 's'})`;
  }
  return info.device ? `${info.name} (${info.device})` : info.name;
}
