import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run the source: the "#…" imports lead to the Node files' sources, not to dist's builds of them.
export default defineConfig({
  resolve: {
    alias: {
      '#tfjs-gradients': fileURLToPath(new URL('src/gradients/_tfjs-gradients-node.ts', import.meta.url)),
      '#gemm-worker': fileURLToPath(new URL('src/wasm/_spawn-gemm-worker-node.ts', import.meta.url)),
    },
  },
});
