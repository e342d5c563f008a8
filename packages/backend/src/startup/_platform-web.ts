// How backends start in a browser or a web worker (package.json's "#startup-platform" everywhere but
// Node). No Node built-in here: this is the file browser bundles get.
import * as tf from '@tensorflow/tfjs-core';
import type { StartupPlatform } from './_startup-platform';

const install = (name: string) => `npm install ${name}@4.22.0 next to @dlkit/backend`;

export const platform: StartupPlatform = {
  kind: 'browser',
  env: () => (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {},
  foreignBackend(name) {
    if (name === 'gpu') return 'gpu is a Node backend (tfjs-node-gpu, CUDA): in a browser use webgpu or webgl';
    if (name === 'node') return 'node is a Node backend (tfjs-node, libtensorflow): in a browser use webgpu, webgl or wasm';
    return undefined;
  },
  async loadBackendPackage(name) {
    if (name === 'webgpu') {
      const missing = await webgpuMissing();
      if (missing) return missing;
      try {
        await import('@tensorflow/tfjs-backend-webgpu');
      } catch (error) {
        return `@tensorflow/tfjs-backend-webgpu could not be loaded (${messageOf(error)}): ${install('@tensorflow/tfjs-backend-webgpu')}`;
      }
      return undefined;
    }
    if (name === 'webgl') {
      const missing = webglMissing();
      if (missing) return missing;
      try {
        await import('@tensorflow/tfjs-backend-webgl');
      } catch (error) {
        return `@tensorflow/tfjs-backend-webgl could not be loaded (${messageOf(error)}): ${install('@tensorflow/tfjs-backend-webgl')}`;
      }
      return undefined;
    }
    return `${name} is not started by a package import`;
  },
  // tfjs's default: the .wasm files next to the page (a bundler does not copy them; see wasmPaths).
  defaultWasmPaths: () => undefined,
  defaultWasmThreads: async () => Math.max(1, Math.min(8, globalThis.navigator?.hardwareConcurrency ?? 1)),
  wasmThreadsUnavailable() {
    if (globalThis.crossOriginIsolated !== true) {
      return 'the page is not cross-origin isolated (serve it with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp)';
    }
    return undefined;
  },
  prepareWasmThreads,
  watchWasmThreadsStart,
  wasmInitFailure: () =>
    "the wasm backend failed to initialize: are tfjs-backend-wasm's .wasm files served where the `wasmPaths` option says (by default next to the page)?",
  describeDevice(name) {
    try {
      if (name === 'webgpu') {
        const info = (tf.backend() as { adapterInfo?: { vendor?: string; architecture?: string } }).adapterInfo;
        const words = [info?.vendor, info?.architecture].filter(Boolean).join(' ');
        return words || undefined;
      }
      if (name === 'webgl') {
        const gl = (tf.backend() as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
        if (!gl) return undefined;
        const debug = gl.getExtension('WEBGL_debug_renderer_info');
        const renderer = gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) as string;
        return `WebGL ${tf.env().getNumber('WEBGL_VERSION')}, ${renderer}`;
      }
    } catch {
      // a description is a nicety: never a reason to fail start-up
    }
    return undefined;
  },
};

/**
 * tfjs-backend-wasm sizes XNNPACK's pool as at most half of `navigator.hardwareConcurrency` (it assumes
 * hyper-threading), whatever setThreadsCount asked: 1 thread on a 2-core machine. While the module starts,
 * the navigator reports twice the threads asked for (as Node's start-up does with os.cpus()).
 */
function prepareWasmThreads(threads: number): () => void {
  const navigator = globalThis.navigator as Navigator | undefined;
  if (!navigator) return () => {};
  const own = Object.getOwnPropertyDescriptor(navigator, 'hardwareConcurrency');
  const cores = Math.max(2 * threads, navigator.hardwareConcurrency ?? 0);
  try {
    Object.defineProperty(navigator, 'hardwareConcurrency', { configurable: true, get: () => cores });
  } catch {
    return () => {};
  }
  return () => {
    if (own) Object.defineProperty(navigator, 'hardwareConcurrency', own);
    else delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency;
  };
}

/**
 * The threaded build starts its pthreads from source that tfjs-backend-wasm takes with
 * `Function.prototype.toString()`: a minifier that renames what that source refers to (Vite's and
 * esbuild's production builds do) leaves every thread failing with a ReferenceError, which emscripten
 * rethrows on this thread, and the backend's start waiting forever. An uncaught error while the threads
 * start, or no start within 20 s, counts as a failed start: initBackend then starts one thread instead.
 */
function watchWasmThreadsStart(): { failed: Promise<string>; stop(): void } {
  let stop = () => {};
  const failed = new Promise<string>((resolve) => {
    const onError = (event: Event) => {
      // emscripten rethrows the worker's ErrorEvent itself: its message is the thread's error
      const inner = (event as ErrorEvent).error as { message?: unknown } | undefined;
      const message = typeof inner?.message === 'string' ? inner.message : (event as ErrorEvent).message || 'an error';
      resolve(
        `its threads failed to start (${message}; a minifier that renames identifiers breaks tfjs-backend-wasm's threaded worker code: leave @tensorflow/tfjs-backend-wasm unminified to keep threads)`,
      );
    };
    const timer = setTimeout(() => resolve('its threaded build did not start within 20 s'), 20_000);
    globalThis.addEventListener?.('error', onError);
    stop = () => {
      clearTimeout(timer);
      globalThis.removeEventListener?.('error', onError);
    };
  });
  return { failed, stop };
}

async function webgpuMissing(): Promise<string | undefined> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<unknown> } } | undefined)?.gpu;
  if (!gpu) {
    if (globalThis.isSecureContext === false) {
      return 'WebGPU needs a secure context (https:// or http://localhost): this page has none, so navigator.gpu is undefined';
    }
    return 'this browser has no WebGPU (navigator.gpu is undefined: Chrome and Edge 113+, Safari 26 and Firefox 141+ on Windows have it)';
  }
  try {
    if ((await gpu.requestAdapter()) === null) {
      return 'WebGPU found no adapter (navigator.gpu.requestAdapter() gave null: no usable GPU, or the browser blocks it)';
    }
  } catch (error) {
    return `WebGPU found no adapter (${messageOf(error)})`;
  }
  return undefined;
}

function webglMissing(): string | undefined {
  let canvas: HTMLCanvasElement | OffscreenCanvas | undefined;
  if (typeof OffscreenCanvas !== 'undefined') canvas = new OffscreenCanvas(1, 1);
  else if (typeof document !== 'undefined') canvas = document.createElement('canvas');
  if (!canvas) return 'WebGL needs a canvas, and this context has neither document nor OffscreenCanvas';
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return 'this browser could not create a WebGL context (WebGL disabled, or the GPU is blocklisted)';
  gl.getExtension('WEBGL_lose_context')?.loseContext(); // free it: browsers keep only a few contexts alive
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
