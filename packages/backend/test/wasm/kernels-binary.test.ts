import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { compileKernels } from '../../scripts/compile-wasm-kernels.mjs';
import { gemmBinarySource } from '../../scripts/gemm-binary-source.mjs';
import { sharedMemoryKernels, unsharedMemoryKernels } from '../../src/wasm/_kernels-binary';

test('the committed binary is kernels.wat compiled (run build:wasm after editing the .wat)', async () => {
  const source = readFileSync(new URL('../../src/wasm/kernels.wat', import.meta.url), 'utf8');
  const { shared, unshared } = await compileKernels(source);
  expect(Buffer.from(shared).toString('base64')).toBe(sharedMemoryKernels);
  expect(Buffer.from(unshared).toString('base64')).toBe(unsharedMemoryKernels);
});

test('the committed GEMM binary is what gen-gemm-wat.mjs generates (run build:wasm after editing it)', async () => {
  const committed = readFileSync(new URL('../../src/wasm/_gemm-binary.ts', import.meta.url), 'utf8');
  expect(committed).toBe(await gemmBinarySource());
});
