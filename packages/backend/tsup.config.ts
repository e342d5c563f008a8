import { writeFile } from 'node:fs/promises';
import { dlkitBuild } from '../../tsup.base';

// tfjs's gradients come from the installed tfjs-core through package.json's "#tfjs-gradients" (left
// external): dist holds no copy of tfjs-core. The Node file it maps to is an entry of its own, and so are
// the GEMM worker and the two ways to start it ("#gemm-worker": Node's worker_threads, or a Web Worker).
const esm = dlkitBuild({
  entry: {
    index: 'src/index.ts',
    'tfjs-gradients.node': 'src/gradients/_tfjs-gradients-node.ts',
    'gemm-worker': 'src/wasm/gemm-worker.ts',
    'spawn-gemm-worker.node': 'src/wasm/_spawn-gemm-worker-node.ts',
    'spawn-gemm-worker.browser': 'src/wasm/_spawn-gemm-worker-browser.ts',
  },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  external: ['#tfjs-gradients', '#gemm-worker'],
  // The CommonJS entry is the ES module build itself (Node ≥ 22.12 require()s ES modules without
  // top-level await): import and require share one copy of the package's state and classes.
  onSuccess: () =>
    writeFile(
      'dist/index.cjs',
      "// require('@dlkit/backend') loads the ES module build: one copy of its state per process.\nmodule.exports = require('./index.js');\n",
    ),
});

// Declarations for require (index.d.cts) only; no CommonJS code is built.
const cjsDeclarations = dlkitBuild({ entry: { index: 'src/index.ts' }, format: ['cjs'], dts: { only: true }, clean: false });

export default [esm, cjsDeclarations];
