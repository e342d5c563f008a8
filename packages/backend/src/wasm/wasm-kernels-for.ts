import { instantiateKernels } from './_instantiate-kernels';
import { type KernelExports, type WasmBackendLike, WasmKernels } from './wasm-kernels';
import { BackendError } from '../backend-error';

const byMemory = new WeakMap<WebAssembly.Memory, KernelExports | null>();
const byBackend = new WeakMap<object, WasmKernels | null>();

/**
 * dlkit's kernels for this wasm backend, or undefined where they cannot run (a WebAssembly engine
 * without SIMD, or a tfjs-backend-wasm whose heap we cannot reach): callers then use tfjs's kernels.
 */
export function wasmKernelsFor(backend: unknown): WasmKernels | undefined {
  if (typeof backend !== 'object' || backend === null) return undefined;
  if (!byBackend.has(backend)) {
    const wasmBackend = backend as WasmBackendLike;
    const memory = wasmBackend.wasm?.wasmMemory ?? wasmBackend.wasm?.asm?.memory;
    let kernels: KernelExports | null = null;
    if (memory instanceof WebAssembly.Memory) {
      if (!byMemory.has(memory)) byMemory.set(memory, instantiateKernels(memory));
      kernels = byMemory.get(memory) ?? null;
    }
    byBackend.set(backend, kernels ? new WasmKernels(wasmBackend, kernels) : null);
  }
  return byBackend.get(backend) ?? undefined;
}

/** wasmKernelsFor(backend) for a kernel that has no stock fallback: one clear error where ours cannot run. */
export function requireWasmKernels(backend: unknown, kernelName: string): WasmKernels {
  const kernels = wasmKernelsFor(backend);
  if (!kernels) {
    const found = typeof backend === 'object' && backend !== null ? backend.constructor.name : String(backend);
    throw new BackendError(
      `${kernelName}: dlkit's wasm kernels cannot run here (expected tfjs-backend-wasm's backend on a WebAssembly engine with SIMD, found ${found})`,
      { kind: 'unavailable' },
    );
  }
  return kernels;
}
