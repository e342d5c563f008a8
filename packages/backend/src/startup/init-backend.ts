import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { applyFastKernels, wasmGemmVariant } from '../fast-kernels';
import { gemmOf } from '../wasm/wasm-gemm-for';
import { importFailureReason } from './_import-failure-reason';
import { defaultWasmThreads, prepareWasmThreads } from './_wasm-threads';
import { BackendUnavailableError } from './backend-unavailable-error';
import type { BackendAttempt, BackendInfo } from './backend-info';
import { type BackendName, type BackendPreference, backendOrder, isBackendPreference, tfBackendNames } from './backend-name';
import { BackendError } from '../backend-error';

export interface InitBackendOptions {
  /** Environment to read DLKIT_BACKEND from; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Folder (or URL prefix, ending in '/') holding tfjs-backend-wasm's .wasm files, for bundled apps. */
  wasmPaths?: string;
  /**
   * Threads for the WASM backend's matrix kernels (XNNPACK). Defaults to DLKIT_WASM_THREADS, else the
   * cores idle at start-up (measured over 250 ms from per-core idle time, at least 1, at most 8). 1 runs the
   * single-threaded SIMD build. Takes effect only the first time the WASM backend starts in a process.
   */
  threads?: number;
}

const optionalPackages: Partial<Record<BackendName, string>> = {
  gpu: '@tensorflow/tfjs-node-gpu',
  node: '@tensorflow/tfjs-node',
};

/**
 * Starts a tfjs backend and says which one runs and why the faster ones did not.
 * 'auto' tries gpu, node, wasm, cpu in that order; an explicit preference that cannot start throws
 * a BackendUnavailableError carrying the reason. DLKIT_BACKEND overrides `preference`.
 */
export async function initBackend(preference: BackendPreference = 'auto', options: InitBackendOptions = {}): Promise<BackendInfo> {
  const env = options.env ?? process.env;
  const fromEnv = env.DLKIT_BACKEND?.trim();
  const requested = fromEnv ? fromEnv : preference;
  if (!isBackendPreference(requested)) {
    const where = fromEnv ? `DLKIT_BACKEND=${fromEnv}` : `'${requested}'`;
    throw new BackendUnavailableError('auto', [
      { name: 'cpu', ok: false, reason: `${where} is not a backend: use auto, ${backendOrder.join(', ')}` },
    ]);
  }
  applyFastKernels();
  const candidates = requested === 'auto' ? backendOrder : [requested];
  const tried: BackendAttempt[] = [];
  for (const name of candidates) {
    const reason = await startBackend(name, options);
    tried.push(reason === undefined ? { name, ok: true } : { name, ok: false, reason });
    if (reason === undefined) {
      applyFastKernels();
      return {
        name,
        tfBackend: tf.getBackend(),
        requested,
        requestedBy: fromEnv ? 'DLKIT_BACKEND' : 'argument',
        tried,
        ...(await wasmDetails(name)),
      };
    }
  }
  throw new BackendUnavailableError(requested, tried);
}

/** Starts one backend; returns why it could not, or undefined when it runs. */
async function startBackend(name: BackendName, options: InitBackendOptions): Promise<string | undefined> {
  try {
    const packageName = optionalPackages[name];
    if (packageName) {
      try {
        await importByName(packageName);
      } catch (error) {
        return importFailureReason(packageName, error);
      }
    } else if (name === 'wasm') {
      // Idle cores are measured before the module loads: an await between loading and starting it
      // leaves the threaded build with one thread.
      const threads = tf.findBackend('wasm') === null ? await wasmThreads(options) : undefined;
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      const wasmPaths = options.wasmPaths ?? installedWasmFolder();
      if (wasmPaths) wasm.setWasmPaths(wasmPaths);
      if (threads !== undefined) return await startWasm(wasm, threads);
    } else {
      await import('@tensorflow/tfjs-backend-cpu');
    }
    const tfName = tfBackendNames[name];
    if (tf.findBackendFactory(tfName) === null && tf.findBackend(tfName) === null) {
      return `the ${tfName} backend did not register with this copy of @tensorflow/tfjs-core (two tfjs-core versions installed?)`;
    }
    if (!(await tf.setBackend(tfName))) return `the ${tfName} backend failed to initialize`;
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
async function startWasm(wasm: WasmModule, threads: number): Promise<string | undefined> {
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  if (threads > 1 && simd) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
    wasm.setThreadsCount(threads);
    const restore = prepareWasmThreads(threads);
    let started = false;
    try {
      started = await tf.setBackend('wasm');
    } catch {
      started = false;
    } finally {
      restore();
    }
    if (started) {
      await tf.ready();
      // dlkit's GEMM gets workers of its own on the threaded build's shared heap (XNNPACK's pthreads
      // stay for the ops dlkit does not replace).
      await gemmOf(tf.backend())?.startThreads(wasm.getThreadsCount());
      return undefined;
    }
  }
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) return 'the wasm backend failed to initialize';
  await tf.ready();
  return undefined;
}

async function wasmThreads(options: InitBackendOptions): Promise<number> {
  const fromEnv = (options.env ?? process.env).DLKIT_WASM_THREADS?.trim();
  const requested = options.threads ?? (fromEnv ? Number(fromEnv) : await defaultWasmThreads());
  if (!Number.isInteger(requested) || requested < 1) {
    throw new BackendError(
      `wasm threads must be a whole number ≥ 1, found ${fromEnv && options.threads === undefined ? `DLKIT_WASM_THREADS=${fromEnv}` : requested}`,
      { kind: 'input' },
    );
  }
  return Math.min(requested, 8);
}

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

async function wasmDetails(name: BackendName): Promise<Pick<BackendInfo, 'simd' | 'threads' | 'gemm'>> {
  if (name !== 'wasm') return {};
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const multithread = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const gemm = gemmOf(tf.backend())?.variant() && wasmGemmVariant();
  return { simd, threads: multithread ? wasm.getThreadsCount() : 1, ...(gemm ? { gemm } : {}) };
}
