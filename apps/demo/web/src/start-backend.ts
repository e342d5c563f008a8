import { type BackendInfo, type BackendPreference, describeBackend, initBackend } from '@dlkit/backend';
import wasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '@tensorflow/tfjs-core';

// Vite serves tfjs-backend-wasm's binaries (a bundler does not copy them by itself) and says where.
const wasmPaths = {
  'tfjs-backend-wasm.wasm': wasm,
  'tfjs-backend-wasm-simd.wasm': simd,
  'tfjs-backend-wasm-threaded-simd.wasm': threadedSimd,
};

/** What 'auto' tries after a WebGPU whose read-back fails: the order initBackend('auto') has after webgpu. */
const afterWebGpu = ['webgl', 'wasm', 'cpu'] as const;

/**
 * Starts the backend the page asked for, in the worker: WASM gets the served binaries and (the page is
 * cross-origin isolated) threads, one per core up to 8. The trainers read each step's losses
 * synchronously; tfjs-backend-webgpu 4.22 does that through a canvas, which returns zeros or loses the
 * device in some browsers (headless Chromium on SwiftShader, for one). So WebGPU is checked with one
 * small read first: asked for by name, a failed check is an error saying so; under 'auto' the next
 * backend starts and the report says why WebGPU was skipped. Throws @dlkit/backend's error, whose
 * message says why, when a backend cannot start.
 */
export async function startBackend(preference: BackendPreference): Promise<{ info: BackendInfo; text: string }> {
  const threads = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 1));
  let info = await initBackend(preference, { wasmPaths, threads });
  if (info.name === 'webgpu') {
    const problem = readBackProblem();
    if (problem !== undefined) {
      const reason = `its synchronous read-back, which every training step uses, does not work in this browser (${problem})`;
      if (preference !== 'auto')
        throw new Error(`webgpu started (${info.device ?? 'no device name'}), but ${reason}: choose webgl or wasm`);
      const tried = info.tried.map((attempt) => (attempt.name === 'webgpu' ? { ...attempt, ok: false, reason } : attempt));
      let lastError: unknown;
      for (const next of afterWebGpu) {
        try {
          const fallback = await initBackend(next, { wasmPaths, threads });
          info = { ...fallback, requested: 'auto', tried: [...tried.filter((a) => a.name === 'webgpu'), ...fallback.tried] };
          lastError = undefined;
          break;
        } catch (error) {
          lastError = error;
          tried.push({ name: next, ok: false, reason: error instanceof Error ? error.message : String(error) });
        }
      }
      if (lastError !== undefined) throw lastError;
    }
  }
  return { info, text: describeBackend(info) };
}

/**
 * Why reading back synchronously fails on the current backend, or undefined when it works: a product
 * the size of a training step's, read twice as a step's losses are (a first read can succeed and the
 * device be lost by the second).
 */
function readBackProblem(): string | undefined {
  try {
    for (let round = 0; round < 2; round++) {
      const value = tf.tidy(() => tf.mean(tf.matMul(tf.ones([64, 784]), tf.ones([784, 256]))).dataSync()[0]);
      if (value !== 784) return `a product of ones read back as ${value}, not 784`;
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
