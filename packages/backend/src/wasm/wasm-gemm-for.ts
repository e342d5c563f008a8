import type { WasmBackendLike } from './wasm-kernels';
import { WasmGemm } from './wasm-gemm';

const byBackend = new WeakMap<object, WasmGemm | null>();

/**
 * dlkit's GEMM for this wasm backend while it runs (fast kernels on, setWasmGemm not 'off', an engine with
 * SIMD), else undefined: callers then use tfjs's kernels. One per backend, made on first use.
 */
export function wasmGemmFor(backend: unknown): WasmGemm | undefined {
  const gemm = gemmOf(backend);
  return gemm?.variant() ? gemm : undefined;
}

/** The backend's WasmGemm whether or not it runs now (initBackend starts its threads); undefined where none can exist. */
export function gemmOf(backend: unknown): WasmGemm | undefined {
  if (typeof backend !== 'object' || backend === null) return undefined;
  if (!byBackend.has(backend)) {
    const wasmBackend = backend as WasmBackendLike;
    const memory = wasmBackend.wasm?.wasmMemory ?? wasmBackend.wasm?.asm?.memory;
    const ok = memory instanceof WebAssembly.Memory && typeof wasmBackend.wasm?._malloc === 'function' && wasmBackend.dataIdMap;
    byBackend.set(backend, ok ? new WasmGemm(wasmBackend, memory) : null);
  }
  return byBackend.get(backend) ?? undefined;
}
