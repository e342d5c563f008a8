import { defineConfig } from 'vitest/config';

// npm and pnpm install from the registry inside the tests: give them time on a slow network. Every
// package is packed once, before any test file runs (test/_pack-tarballs.ts).
export default defineConfig({
  test: { globalSetup: ['./test/_pack-tarballs.ts'], testTimeout: 300_000, hookTimeout: 300_000 },
});
