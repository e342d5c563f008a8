import { sharedMemoryKernels, unsharedMemoryKernels } from './_kernels-binary';
import type { KernelExports } from './wasm-kernels';

const compiled = new Map<boolean, WebAssembly.Module | null>();

/** kernels.wat compiled for a shared or an unshared memory, once per process; null where this engine cannot run it. */
export function kernelsModule(shared: boolean): WebAssembly.Module | null {
  if (!compiled.has(shared)) {
    try {
      const bytes = Uint8Array.from(atob(shared ? sharedMemoryKernels : unsharedMemoryKernels), (c) => c.charCodeAt(0));
      // ~2.5 KB: small enough for a synchronous compile on any thread.
      compiled.set(shared, new WebAssembly.Module(bytes));
    } catch {
      compiled.set(shared, null);
    }
  }
  return compiled.get(shared) ?? null;
}

/** kernels.wat compiled for `memory`'s kind (shared or not) and bound to it; null where it cannot run. */
export function instantiateKernels(memory: WebAssembly.Memory): KernelExports | null {
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  const module = kernelsModule(shared);
  try {
    return module ? (new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports) : null;
  } catch {
    return null;
  }
}
