/** kernels.wat → WebAssembly bytes for a shared and an unshared imported memory. */
export function compileKernels(source: string): Promise<{ shared: Uint8Array; unshared: Uint8Array }>;
