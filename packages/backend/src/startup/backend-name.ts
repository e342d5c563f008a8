/** A backend dlkit knows how to start, named for what it runs on. */
export type BackendName = 'gpu' | 'node' | 'wasm' | 'cpu';

/** What a caller asks for: one backend, or 'auto' for the fastest that starts here. */
export type BackendPreference = 'auto' | BackendName;

/** Fastest first: the order 'auto' tries. */
export const backendOrder: readonly BackendName[] = ['gpu', 'node', 'wasm', 'cpu'];

/** The name tfjs registers each backend under (tfjs-node and tfjs-node-gpu both register 'tensorflow'). */
export const tfBackendNames: Readonly<Record<BackendName, string>> = {
  gpu: 'tensorflow',
  node: 'tensorflow',
  wasm: 'wasm',
  cpu: 'cpu',
};

export function isBackendPreference(value: string): value is BackendPreference {
  return value === 'auto' || (backendOrder as readonly string[]).includes(value);
}
