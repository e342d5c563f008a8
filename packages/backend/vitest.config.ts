import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run the source, as Node would: package.json's "#" imports lead to the Node files' sources, not to dist's builds of them.
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export default defineConfig({
  resolve: {
    alias: {
      '#tfjs-gradients': source('src/gradients/_tfjs-gradients-node.ts'),
      '#startup-platform': source('src/startup/_platform-node.ts'),
      '#gemm-worker': source('src/wasm/_spawn-gemm-worker-node.ts'),
    },
  },
});
