import { platform } from '#startup-platform';
import * as tf from '@tensorflow/tfjs-core';
import { BackendError } from '../backend-error';
import { applyFastKernels, wasmGemmVariant } from '../fast-kernels';
import { gemmOf } from '../wasm/wasm-gemm-for';
import { BackendUnavailableError } from './backend-unavailable-error';
import type { BackendAttempt, BackendInfo } from './backend-info';
import { type BackendName, type BackendPreference, backendNames, backendOrder, isBackendPreference, tfBackendNames } from './backend-name';

export interface InitBackendOptions {
  /** Environment to read DLKIT_BACKEND and DLKIT_WASM_THREADS from; defaults to process.env (none in a browser). */
  env?: Record<string, string | undefined>;
  /**
   * Where tfjs-backend-wasm's .wasm files are served: a folder or URL prefix ending in '/', or a map from
   * each file name (`tfjs-backend-wasm.wasm`, `tfjs-backend-wasm-simd.wasm`,
   * `tfjs-backend-wasm-threaded-simd.wasm`) to its URL. Node finds them where npm installed them; a
   * browser app serves them itself (by default tfjs looks next to the page).
   */
  wasmPaths?: string | Readonly<Record<string, string>>;
  /**
   * Threads for the WASM backend's matrix kernels (XNNPACK). Defaults to DLKIT_WASM_THREADS, else in
   * Node the cores idle at start-up (measured over 250 ms from per-core idle time, at least 1, at most 8),
   * in a browser `navigator.hardwareConcurrency` (at most 8), where the page is cross-origin isolated
   * (otherwise 1). 1 runs the single-threaded SIMD build. Takes effect only the first time the WASM
   * backend starts in a process or page.
   */
  threads?: number;
}

/**
 * Starts a tfjs backend and says which one runs and why the faster ones did not. 'auto' tries
 * `backendOrder`: gpu, node, wasm, cpu in Node; webgpu, webgl, wasm, cpu in a browser. An explicit
 * preference that cannot start (a browser backend in Node included) throws a BackendUnavailableError
 * carrying the reason. DLKIT_BACKEND overrides `preference`.
 */
export async function initBackend(preference: BackendPreference = 'auto', options: InitBackendOptions = {}): Promise<BackendInfo> {
  const env = options.env ?? platform.env();
  const fromEnv = env.DLKIT_BACKEND?.trim();
  const requested = fromEnv ? fromEnv : preference;
  if (!isBackendPreference(requested)) {
    const where = fromEnv ? `DLKIT_BACKEND=${fromEnv}` : `'${requested}'`;
    throw new BackendUnavailableError('auto', [
      {
        name: 'cpu',
        ok: false,
        reason: `${where} is not a backend: use auto, ${backendNames.join(', ')} (here 'auto' tries ${backendOrder.join(', ')})`,
      },
    ]);
  }
  applyFastKernels();
  const candidates = requested === 'auto' ? backendOrder : [requested];
  const tried: BackendAttempt[] = [];
  const notes: string[] = [];
  for (const name of candidates) {
    const reason = await startBackend(name, options, env, notes);
    tried.push(reason === undefined ? { name, ok: true } : { name, ok: false, reason });
    if (reason === undefined) {
      applyFastKernels();
      const device = platform.describeDevice(name);
      return {
        name,
        tfBackend: tf.getBackend(),
        requested,
        requestedBy: fromEnv ? 'DLKIT_BACKEND' : 'argument',
        tried,
        ...(await wasmDetails(name)),
        ...(device ? { device } : {}),
        ...(notes.length > 0 ? { notes } : {}),
      };
    }
  }
  throw new BackendUnavailableError(requested, tried);
}

/** Starts one backend; returns why it could not, or undefined when it runs. */
async function startBackend(
  name: BackendName,
  options: InitBackendOptions,
  env: Record<string, string | undefined>,
  notes: string[],
): Promise<string | undefined> {
  const foreign = platform.foreignBackend(name);
  if (foreign) return foreign;
  try {
    if (name === 'wasm') {
      // Idle cores are measured before the module loads: an await between loading and starting it
      // leaves the threaded build with one thread.
      const threads = tf.findBackend('wasm') === null ? await wasmThreads(options, env) : undefined;
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      const wasmPaths = options.wasmPaths ?? platform.defaultWasmPaths();
      if (wasmPaths) wasm.setWasmPaths(wasmPaths as Parameters<typeof wasm.setWasmPaths>[0]);
      if (threads !== undefined) return await startWasm(wasm, threads, notes);
    } else if (name === 'cpu') {
      await import('@tensorflow/tfjs-backend-cpu');
    } else {
      const reason = await platform.loadBackendPackage(name);
      if (reason) return reason;
    }
    const tfName = tfBackendNames[name];
    if (tf.findBackendFactory(tfName) === null && tf.findBackend(tfName) === null) {
      return `the ${tfName} backend did not register with this copy of @tensorflow/tfjs-core (two tfjs-core versions installed?)`;
    }
    if (!(await tf.setBackend(tfName))) return name === 'wasm' ? platform.wasmInitFailure() : `the ${tfName} backend failed to initialize`;
    await tf.ready();
    // The cpu backend prints an install advert on first use; initBackend already reports why it runs.
    if (name === 'cpu') (tf.backend() as { firstUse?: boolean }).firstUse = false;
    return undefined;
  } catch (error) {
    return `the ${name} backend failed to start: ${error instanceof Error ? error.message : String(error)}`;
  }
}

type WasmModule = typeof import('@tensorflow/tfjs-backend-wasm');

/** Starts the WASM backend, threaded when asked and possible, else the single-threaded SIMD build. */
async function startWasm(wasm: WasmModule, threads: number, notes: string[]): Promise<string | undefined> {
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const unavailable = threads > 1 ? (simd ? platform.wasmThreadsUnavailable() : 'this WebAssembly engine has no SIMD') : undefined;
  if (unavailable) notes.push(`wasm runs 1 thread, not ${threads}: ${unavailable}`);
  if (threads > 1 && !unavailable) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
    // XNNPACK's pool threads and the GEMM's workers fight over the cores (each spins for its next job):
    // while dlkit's GEMM runs, every product and convolution is its, and XNNPACK's ops left are cheap
    // elementwise passes that lose more waiting for a core than a second thread wins (LSTM step 80 → 65 ms,
    // VAE 11 → 9 ms on 2 cores). XNNPACK gets one thread then, as stock tfjs gives itself on 2 cores.
    wasm.setThreadsCount(wasmGemmVariant() ? 1 : threads);
    const restore = platform.prepareWasmThreads(threads);
    const watch = platform.watchWasmThreadsStart();
    let failure: string | undefined;
    try {
      const start = tf.setBackend('wasm').then(
        (ok) => (ok ? undefined : 'its threaded build failed to initialize'),
        (error: unknown) => `its threaded build failed to start: ${error instanceof Error ? error.message : String(error)}`,
      );
      failure = await Promise.race([start, watch.failed]);
    } finally {
      watch.stop();
      restore();
    }
    if (failure === undefined) {
      await tf.ready();
      // dlkit's GEMM gets workers of its own on the threaded build's shared heap.
      await gemmOf(tf.backend())?.startThreads(threads);
      return undefined;
    }
    notes.push(`wasm runs 1 thread, not ${threads}: ${failure}`);
  }
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) return platform.wasmInitFailure();
  await tf.ready();
  return undefined;
}

async function wasmThreads(options: InitBackendOptions, env: Record<string, string | undefined>): Promise<number> {
  const fromEnv = env.DLKIT_WASM_THREADS?.trim();
  const requested = options.threads ?? (fromEnv ? Number(fromEnv) : await platform.defaultWasmThreads());
  if (!Number.isInteger(requested) || requested < 1) {
    throw new BackendError(
      `wasm threads must be a whole number ≥ 1, found ${fromEnv && options.threads === undefined ? `DLKIT_WASM_THREADS=${fromEnv}` : requested}`,
      { kind: 'input' },
    );
  }
  return Math.min(requested, 8);
}

async function wasmDetails(name: BackendName): Promise<Pick<BackendInfo, 'simd' | 'threads' | 'gemm'>> {
  if (name !== 'wasm') return {};
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const multithread = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const ours = gemmOf(tf.backend());
  const gemm = ours?.variant() && wasmGemmVariant();
  const threads = multithread ? Math.max(wasm.getThreadsCount(), ours?.threads ?? 1) : 1;
  return { simd, threads, ...(gemm ? { gemm } : {}) };
}
