import * as tf from '@tensorflow/tfjs-core';
import { gemmOf } from './wasm-gemm-for';
import { requireWasmKernels } from './wasm-kernels-for';

/**
 * dlkit's kernel for inverted dropout on the wasm heap, x · mask with the mask drawn as it goes (see
 * dropout), shared with the GEMM's worker threads when x is large.
 */
export const dropoutKernelName = 'DlkitDropout';

export interface DropoutAttrs {
  /** Draws (top 24 bits) below this are dropped. */
  threshold: number;
  /** The value of kept entries, 1/(1 − rate). */
  keep: number;
  /** xoshiro128** state of the first draw, seeded by dropout. */
  state: [number, number, number, number];
}

export const wasmDropoutConfig: tf.KernelConfig = {
  kernelName: dropoutKernelName,
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const kernels = requireWasmKernels(backend, dropoutKernelName);
    const { threshold, keep, state } = attrs as unknown as DropoutAttrs;
    return kernels.dropout(inputs.x as tf.TensorInfo, threshold, keep, state, gemmOf(backend));
  },
};

/**
 * Its gradient: dropout is x times a fixed mask, so dy goes through the same kernel with the same draws
 * (the mask is drawn again rather than kept: drawing is cheaper than storing and reading it back).
 */
export const dropoutGradConfig: tf.GradConfig = {
  kernelName: dropoutKernelName,
  gradFunc: (dy, _saved, attrs) => ({
    x: () => tf.engine().runKernel(dropoutKernelName, { x: dy as tf.Tensor }, { ...(attrs as object) }) as tf.Tensor,
  }),
};
