import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run the source, as Node would: package.json's "#mnist-platform" leads to Node's platform source, not to dist's build of it.
export default defineConfig({
  resolve: { alias: { '#mnist-platform': fileURLToPath(new URL('src/_platform-node.ts', import.meta.url)) } },
});
