import { rmSync } from 'node:fs';
import { dlkitBuild } from '../../tsup.base';

// The library in both formats; the `conv-math` bin (its shebang kept) as an ES module only, since
// package.json's "bin" runs dist/cli.js and a CommonJS copy would ship unused. Built with the library's
// ES module entry, the bin shares its code through one chunk. Declarations only for the library.
// The two builds run at once, so dist is emptied here, once, rather than by either of them.
rmSync('dist', { recursive: true, force: true });
const esm = dlkitBuild({ entry: ['src/index.ts', 'src/cli.ts'], format: ['esm'], dts: { entry: 'src/index.ts' }, clean: false });
const cjs = dlkitBuild({ entry: ['src/index.ts'], format: ['cjs'], clean: false });

export default [esm, cjs];
