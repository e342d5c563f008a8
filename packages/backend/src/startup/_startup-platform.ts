import type { BackendName } from './backend-name';

/**
 * What starting a backend needs from the platform it runs on. package.json's "#startup-platform" picks the
 * implementation by condition: Node's (`_platform-node.ts`) or the browser's (`_platform-web.ts`), so the
 * browser build holds no Node built-in and Node's holds no browser backend.
 */
export interface StartupPlatform {
  /** Where this runs: it decides the order 'auto' tries. */
  readonly kind: 'node' | 'browser';
  /** Where DLKIT_BACKEND and DLKIT_WASM_THREADS are read when the caller passes no `env`. */
  env(): Record<string, string | undefined>;
  /** Why `name` cannot run on this platform at all (a browser backend in Node, a Node one in a browser); undefined when it can. */
  foreignBackend(name: BackendName): string | undefined;
  /** Loads the package behind a backend started by import (gpu, node, webgpu, webgl); resolves to why it could not, or undefined. */
  loadBackendPackage(name: BackendName): Promise<string | undefined>;
  /** Where tfjs-backend-wasm's .wasm files are when the caller does not say (undefined: tfjs's own default). */
  defaultWasmPaths(): string | undefined;
  /** Threads for the WASM backend when the caller does not say. */
  defaultWasmThreads(): Promise<number>;
  /** Why tfjs-backend-wasm's threaded build cannot start here, or undefined when it can. */
  wasmThreadsUnavailable(): string | undefined;
  /** Prepares the threaded build's start; the returned function undoes what it changed. */
  prepareWasmThreads(threads: number): () => void;
  /**
   * Watches the threaded build's start: `failed` resolves to why it cannot finish (it never resolves where
   * failures show otherwise); `stop` ends the watch.
   */
  watchWasmThreadsStart(): { failed: Promise<string>; stop(): void };
  /** Why the wasm backend failed to initialize, in words a user can act on. */
  wasmInitFailure(): string;
  /** The device a GPU backend that now runs uses (WebGPU adapter, WebGL renderer), when the platform can tell. */
  describeDevice(name: BackendName): string | undefined;
}
