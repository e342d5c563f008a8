import { dlkitBuild } from '../../tsup.base';

// The data API needs no tfjs; '@dlkit/mnist/tfjs' holds what does (tfjs-core stays external, an optional
// peer). 'node' is '@dlkit/mnist/node' and, in Node, '@dlkit/mnist' itself: the main entry plus what needs
// a file system. package.json's "#mnist-platform" (external here) picks platform.node.js or platform.web.js.
export default dlkitBuild({
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    tfjs: 'src/tfjs.ts',
    'platform.node': 'src/_platform-node.ts',
    'platform.web': 'src/_platform-web.ts',
  },
  dts: { entry: { index: 'src/index.ts', node: 'src/node.ts', tfjs: 'src/tfjs.ts' } },
  external: ['#mnist-platform'],
});
