import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run the source: '#tfjs-gradients' leads to the Node loader's source, not to dist's build of it.
export default defineConfig({
  resolve: { alias: { '#tfjs-gradients': fileURLToPath(new URL('src/gradients/_tfjs-gradients-node.ts', import.meta.url)) } },
});
