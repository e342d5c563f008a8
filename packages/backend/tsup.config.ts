import { dlkitBuild } from '../../tsup.base';

// tfjs's gradients come from the installed tfjs-core through package.json's "#tfjs-gradients" (left
// external): dist holds no copy of tfjs-core. The Node file it maps to is the second entry.
export default dlkitBuild({
  entry: { index: 'src/index.ts', 'tfjs-gradients.node': 'src/gradients/_tfjs-gradients-node.ts' },
  dts: { entry: { index: 'src/index.ts' } },
  external: ['#tfjs-gradients'],
});
