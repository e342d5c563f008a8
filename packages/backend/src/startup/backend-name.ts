import { platform } from '#startup-platform';

/**
 * A backend dlkit knows how to start, named for what it runs on: `gpu` (tfjs-node-gpu, CUDA) and `node`
 * (tfjs-node) in Node; `webgpu` and `webgl` in a browser; `wasm` and `cpu` (plain JavaScript) on both.
 */
export type BackendName = 'gpu' | 'node' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** What a caller asks for: one backend, or 'auto' for the fastest that starts here. */
export type BackendPreference = 'auto' | BackendName;

/** Every backend name, Node's first, then the browser's, then those both have: for listing choices. */
export const backendNames: readonly BackendName[] = ['gpu', 'node', 'webgpu', 'webgl', 'wasm', 'cpu'];

/** The order 'auto' tries on each platform, fastest first. */
export const backendOrders: { readonly node: readonly BackendName[]; readonly browser: readonly BackendName[] } = {
  node: ['gpu', 'node', 'wasm', 'cpu'],
  browser: ['webgpu', 'webgl', 'wasm', 'cpu'],
};

/** Fastest first: the order 'auto' tries where this runs (`backendOrders.node` in Node, `.browser` in a browser or worker). */
export const backendOrder: readonly BackendName[] = backendOrders[platform.kind];

/** The name tfjs registers each backend under (tfjs-node and tfjs-node-gpu both register 'tensorflow'). */
export const tfBackendNames: Readonly<Record<BackendName, string>> = {
  gpu: 'tensorflow',
  node: 'tensorflow',
  webgpu: 'webgpu',
  webgl: 'webgl',
  wasm: 'wasm',
  cpu: 'cpu',
};

export function isBackendPreference(value: string): value is BackendPreference {
  return value === 'auto' || (backendNames as readonly string[]).includes(value);
}
