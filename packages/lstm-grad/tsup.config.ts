import { dlkitBuild } from '../../tsup.base';

// Two entries: the float64 reference (no tfjs) and the tfjs op. Splitting in both formats puts shared
// code (LstmShapeError) in one chunk, so `instanceof` works across entries in CommonJS too.
export default dlkitBuild({ entry: ['src/index.ts', 'src/tfjs.ts'], splitting: true });
