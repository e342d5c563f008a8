import { sharedMemoryKernels, unsharedMemoryKernels } from './_kernels-binary';
import type { KernelExports } from './wasm-kernels';

/** kernels.wat compiled for `memory`'s kind (shared or not) and bound to it; null where it cannot run. */
export function instantiateKernels(memory: WebAssembly.Memory): KernelExports | null {
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  try {
    const bytes = Uint8Array.from(atob(shared ? sharedMemoryKernels : unsharedMemoryKernels), (c) => c.charCodeAt(0));
    // ~1.7 KB: small enough for a synchronous compile on any thread.
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    return instance.exports as unknown as KernelExports;
  } catch {
    return null;
  }
}
