import type { WasmGemmVariant } from '../wasm/_wasm-gemm-switch';
import type { BackendName, BackendPreference } from './backend-name';

/** One backend that initBackend tried, and why it was skipped if it was. */
export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  reason?: string;
}

/** What runs, what was asked for, and what was tried on the way. */
export interface BackendInfo {
  /** The backend that now runs every tfjs op. */
  name: BackendName;
  /** The name tfjs knows it by (`tf.getBackend()`). */
  tfBackend: string;
  /** What the caller asked for, after DLKIT_BACKEND was applied. */
  requested: BackendPreference;
  /** Where `requested` came from. */
  requestedBy: 'argument' | 'DLKIT_BACKEND';
  /** Every backend tried, in order, the chosen one last. */
  tried: BackendAttempt[];
  /** WASM only: whether the SIMD build runs. */
  simd?: boolean;
  /** WASM only: threads the WASM backend computes on (dlkit's GEMM and kernels; XNNPACK's own ops run on one while the GEMM does). */
  threads?: number;
  /**
   * WASM only: the build of dlkit's GEMM that serves products and convolutions when initBackend returned
   * ('fma' with relaxed SIMD, else 'mul-add'; see setWasmGemm); absent when tfjs's XNNPACK does.
   */
  gemm?: WasmGemmVariant;
  /** WebGPU and WebGL: the device they run on (the WebGPU adapter, the WebGL version and renderer). */
  device?: string;
  /** What is worth knowing about how it runs, e.g. why WASM runs one thread in a page that is not cross-origin isolated. */
  notes?: string[];
}
