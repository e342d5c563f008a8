import { dlkitBuild } from '../../tsup.base';

// Browser-safe: the build must stay free of node: imports (test/dist.test.ts checks).
export default dlkitBuild();
