import { dlkitBuild } from '../../tsup.base';

// tfjs-core's Node bundle registers no gradients and its gradient module cannot be loaded by Node
// directly (extensionless ESM imports), so it is bundled here; it registers into tfjs's global registry.
export default dlkitBuild({ noExternal: [/^@tensorflow\/tfjs-core\/dist\//] });
