/** The text build-wasm-kernels.mjs writes to src/wasm/_gemm-binary.ts. */
export function gemmBinarySource(): Promise<string>;
