import { dlkitBuild } from '../../tsup.base';

// Two entries: the data API needs no tfjs; '@dlkit/mnist/tfjs' holds what does (tfjs-core stays external, an optional peer).
export default dlkitBuild({ entry: ['src/index.ts', 'src/tfjs.ts'] });
