import { writeFile } from 'node:fs/promises';
import { dlkitBuild } from '../../tsup.base';

// Three "#" imports in package.json choose by platform, and stay external here: "#tfjs-gradients" (tfjs's
// gradients: the installed tfjs-core's module for bundlers, a Node loader of it for Node; dist holds no
// copy of tfjs-core), "#startup-platform" (how backends start: Node's file, or the browser's) and
// "#gemm-worker" (how the GEMM's worker starts: Node's worker_threads, or a Web Worker). Each Node or
// browser file they map to is an entry of its own.
const esm = dlkitBuild({
  entry: {
    index: 'src/index.ts',
    'tfjs-gradients.node': 'src/gradients/_tfjs-gradients-node.ts',
    'spawn-gemm-worker.node': 'src/wasm/_spawn-gemm-worker-node.ts',
    'spawn-gemm-worker.browser': 'src/wasm/_spawn-gemm-worker-browser.ts',
    'startup-platform.node': 'src/startup/_platform-node.ts',
    'startup-platform.web': 'src/startup/_platform-web.ts',
  },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  external: ['#tfjs-gradients', '#startup-platform', '#gemm-worker'],
  // The CommonJS entry is the ES module build itself (Node ≥ 22.12 require()s ES modules without
  // top-level await): import and require share one copy of the package's state and classes.
  onSuccess: () =>
    writeFile(
      'dist/index.cjs',
      "// require('@dlkit/backend') loads the ES module build: one copy of its state per process.\nmodule.exports = require('./index.js');\n",
    ),
});

// The GEMM worker is one self-contained file (no shared chunk): a page that is not bundled by a tool
// which follows new Worker(new URL(…)) serves it by copying just that file beside its bundle.
const gemmWorker = dlkitBuild({
  entry: { 'gemm-worker': 'src/wasm/gemm-worker.ts' },
  format: ['esm'],
  dts: false,
  clean: false,
  splitting: false,
});

// Declarations for require (index.d.cts) only; no CommonJS code is built.
const cjsDeclarations = dlkitBuild({ entry: { index: 'src/index.ts' }, format: ['cjs'], dts: { only: true }, clean: false });

export default [esm, gemmWorker, cjsDeclarations];
