import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { compileKernels } from '../../scripts/compile-wasm-kernels.mjs';
import { sharedMemoryKernels, unsharedMemoryKernels } from '../../src/wasm/_kernels-binary';

test('the committed binary is kernels.wat compiled (run build:wasm after editing the .wat)', async () => {
  const source = readFileSync(new URL('../../src/wasm/kernels.wat', import.meta.url), 'utf8');
  const { shared, unshared } = await compileKernels(source);
  expect(Buffer.from(shared).toString('base64')).toBe(sharedMemoryKernels);
  expect(Buffer.from(unshared).toString('base64')).toBe(unsharedMemoryKernels);
});
