import { dlkitBuild } from '../../tsup.base';

// An app, not a library: one ESM entry with a shebang, no declarations.
export default dlkitBuild({ entry: ['src/cli.ts'], format: ['esm'], dts: false });
