import { fmaShared, fmaUnshared, mulAddShared, mulAddUnshared } from './_gemm-binary';
import type { WasmGemmVariant } from './_wasm-gemm-switch';
import { relaxedSimdValidates, simdValidates } from './_wasm-probes';

const compiled = new Map<string, WebAssembly.Module | null>();

/**
 * The compiled GEMM module of `variant` for a shared or an unshared memory; null where this engine cannot
 * run it (no relaxed SIMD for 'fma', no SIMD at all). ~6 KB: compiled synchronously, once per process.
 */
export function gemmModule(variant: WasmGemmVariant, shared: boolean): WebAssembly.Module | null {
  const key = `${variant}:${shared}`;
  if (!compiled.has(key)) {
    const runs = variant === 'fma' ? relaxedSimdValidates() : simdValidates();
    const base64 = variant === 'fma' ? (shared ? fmaShared : fmaUnshared) : shared ? mulAddShared : mulAddUnshared;
    compiled.set(key, runs ? compile(base64) : null);
  }
  return compiled.get(key) ?? null;
}

function compile(base64: string): WebAssembly.Module | null {
  try {
    return new WebAssembly.Module(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}
