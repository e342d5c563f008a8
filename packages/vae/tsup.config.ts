import { dlkitBuild } from '../../tsup.base';

// 'node' is '@dlkit/vae/node' and, in Node, '@dlkit/vae' itself: the main entry plus what needs a file system.
export default dlkitBuild({ entry: { index: 'src/index.ts', node: 'src/node.ts' } });
