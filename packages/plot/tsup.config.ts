import { dlkitBuild } from '../../tsup.base';

// 'node' is '@dlkit/plot/node' and, in Node, '@dlkit/plot' itself: the main entry plus what needs Node
// (resvg, files). package.json's "#plot-platform" (external here) picks platform.node.js or platform.web.js.
export default dlkitBuild({
  entry: { index: 'src/index.ts', node: 'src/node.ts', 'platform.node': 'src/_platform-node.ts', 'platform.web': 'src/_platform-web.ts' },
  dts: { entry: { index: 'src/index.ts', node: 'src/node.ts' } },
  external: ['#plot-platform'],
});
