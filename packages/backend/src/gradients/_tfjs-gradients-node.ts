// tfjs's own gradients for Node, where package.json's "#tfjs-gradients" leads (bundlers take
// tfjs-core's dist/register_all_gradients.js itself, which shares their copy of tfjs-core).
//
// tfjs-core's Node bundle, its `main`, registers no gradients, and the module that does is ESM written
// for bundlers: its imports have no file extensions and the package has no "type", so Node cannot load
// it as published. While it loads, a synchronous resolve hook completes those imports (for files in
// tfjs-core's dist only) and marks them as ES modules; the hook is removed as soon as they have loaded.
// They come from the installed peer and register into tfjs's global registry, which the bundle's
// engine reads: one engine, one registry, no copy of tfjs-core in dlkit's build.
import * as nodeModule from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BackendError } from '../backend-error';

const require = nodeModule.createRequire(import.meta.url);
const entry = require.resolve('@tensorflow/tfjs-core/dist/register_all_gradients.js');
const coreDist = `${pathToFileURL(dirname(entry)).href}/`;

if (typeof nodeModule.registerHooks !== 'function') {
  throw new BackendError(
    `@dlkit/backend registers tfjs's gradients with module.registerHooks: expected Node ≥ 22.15, found ${process.version}`,
    { kind: 'unavailable' },
  );
}
const hooks = nodeModule.registerHooks({
  resolve(specifier, context, nextResolve) {
    if (context.parentURL?.startsWith(coreDist) && /^\.\.?\//.test(specifier) && !specifier.endsWith('.js')) {
      return { url: new URL(`${specifier}.js`, context.parentURL).href, format: 'module', shortCircuit: true };
    }
    const resolved = nextResolve(specifier, context);
    return resolved.url.startsWith(coreDist) ? { ...resolved, format: 'module' } : resolved;
  },
});
try {
  require(entry);
} finally {
  hooks.deregister();
}
