import { dlkitBuild } from '../../tsup.base';

// Two entries: the main one is browser-safe (test/dist.test.ts bundles it for the browser); `node` holds
// what writes files. Neither imports the other, so no shared chunk is needed.
export default dlkitBuild({ entry: ['src/index.ts', 'src/node.ts'] });
