import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page `pnpm demo web` serves, built into dist/web/ beside the CLI.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // Not minified: a minifier that renames identifiers breaks tfjs-backend-wasm's thread start (it takes
  // its worker's code from a function's source), and the page would train WASM on one thread.
  build: { outDir: '../dist/web', emptyOutDir: true, minify: false, target: 'es2022', chunkSizeWarningLimit: 8000 },
  // The training worker and dlkit's GEMM workers are ES modules.
  worker: { format: 'es' },
  // `vite --config web/vite.config.ts` (dev): cross-origin isolated as the built page is.
  server: { headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } },
  preview: { headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } },
});
