import { dlkitBuild } from '../../tsup.base';

// Two entries: the main one is browser-safe (test/browser-bundle.test.ts bundles it for the browser);
// `node` is '@dlkit/training/node' and, in Node, '@dlkit/training' itself: the main entry plus what writes files.
export default dlkitBuild({ entry: ['src/index.ts', 'src/node.ts'] });
