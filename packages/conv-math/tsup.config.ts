import { dlkitBuild } from '../../tsup.base';

// Two entries: the library, and the `conv-math` bin (ESM, with its shebang kept). Declarations only
// for the library.
export default dlkitBuild({ entry: ['src/index.ts', 'src/cli.ts'], dts: { entry: 'src/index.ts' } });
