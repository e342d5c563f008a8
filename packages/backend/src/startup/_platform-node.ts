// How backends start in Node (package.json's "#startup-platform" under the "node" condition).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { importFailureReason } from './_import-failure-reason';
import type { StartupPlatform } from './_startup-platform';
import { defaultWasmThreads, prepareWasmThreads } from './_wasm-threads';
import type { BackendName } from './backend-name';

const packages: Partial<Record<BackendName, string>> = {
  gpu: '@tensorflow/tfjs-node-gpu',
  node: '@tensorflow/tfjs-node',
};

export const platform: StartupPlatform = {
  kind: 'node',
  env: () => process.env,
  foreignBackend(name) {
    if (name === 'webgpu') return 'webgpu is a browser backend (WebGPU): in Node use gpu (tfjs-node-gpu, CUDA), node or wasm';
    if (name === 'webgl') return 'webgl is a browser backend (WebGL): in Node use gpu (tfjs-node-gpu, CUDA), node or wasm';
    return undefined;
  },
  async loadBackendPackage(name) {
    const packageName = packages[name];
    if (!packageName) return `${name} is not started by a package import`;
    try {
      await importByName(packageName);
      return undefined;
    } catch (error) {
      return importFailureReason(packageName, error);
    }
  },
  defaultWasmPaths: installedWasmFolder,
  defaultWasmThreads: () => defaultWasmThreads(),
  wasmThreadsUnavailable: () => undefined,
  prepareWasmThreads,
  // In Node a failed threaded start rejects or resolves false; nothing hangs.
  watchWasmThreadsStart: () => ({ failed: new Promise<string>(() => {}), stop: () => {} }),
  wasmInitFailure: () => 'the wasm backend failed to initialize',
  describeDevice: () => undefined,
};

/**
 * Imports an optional package from where we are installed, else from the running app's folder: in a
 * workspace (or a global CLI) the app, not this library, is what installs tfjs-node.
 */
async function importByName(specifier: string): Promise<unknown> {
  let firstError: unknown;
  for (const base of resolutionBases()) {
    try {
      const resolved = createRequire(base).resolve(specifier);
      return await import(/* @vite-ignore */ pathToFileURL(resolved).href);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') throw error;
      firstError ??= error;
    }
  }
  throw firstError;
}

function resolutionBases(): string[] {
  const bases = [import.meta.url];
  const entry = process.argv[1];
  if (entry) bases.push(pathToFileURL(entry).href);
  bases.push(pathToFileURL(`${process.cwd()}/`).href);
  return bases;
}

/** Where tfjs-backend-wasm's .wasm files are installed, so they are found even when our code is bundled. */
function installedWasmFolder(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('@tensorflow/tfjs-backend-wasm');
    return `${entry.slice(0, entry.lastIndexOf('/dist/'))}/dist/`;
  } catch {
    return undefined;
  }
}
