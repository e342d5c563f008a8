import type * as tf from '@tensorflow/tfjs-core';
import { requireWasmKernels } from './wasm-kernels-for';

/** dlkit's kernel drawing a dropout mask on the wasm heap; other backends draw it in JavaScript. */
export const dropoutMaskKernelName = 'DlkitDropoutMask';

export interface DropoutMaskAttrs {
  shape: number[];
  /** Draws (top 24 bits) below this are dropped. */
  threshold: number;
  /** The value of kept entries, 1/(1 − rate). */
  keep: number;
  /** xoshiro128** state, seeded by dropout. */
  state: [number, number, number, number];
}

export const wasmDropoutMaskConfig: tf.KernelConfig = {
  kernelName: dropoutMaskKernelName,
  backendName: 'wasm',
  kernelFunc: ({ attrs, backend }) => {
    const kernels = requireWasmKernels(backend, dropoutMaskKernelName);
    const { shape, threshold, keep, state } = attrs as unknown as DropoutMaskAttrs;
    return kernels.dropoutMask(shape, threshold, keep, state);
  },
};
