import { writeFile } from 'node:fs/promises';
import { dlkitBuild } from '../../tsup.base';

// Two "#" imports in package.json choose by platform, and stay external here: "#tfjs-gradients" (tfjs's
// gradients: the installed tfjs-core's module for bundlers, a Node loader of it for Node; dist holds no
// copy of tfjs-core) and "#startup-platform" (how backends start: Node's file, or the browser's). Each
// Node or browser file they map to is an entry of its own.
const esm = dlkitBuild({
  entry: {
    index: 'src/index.ts',
    'tfjs-gradients.node': 'src/gradients/_tfjs-gradients-node.ts',
    'startup-platform.node': 'src/startup/_platform-node.ts',
    'startup-platform.web': 'src/startup/_platform-web.ts',
  },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  external: ['#tfjs-gradients', '#startup-platform'],
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
