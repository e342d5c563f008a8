import type * as tf from '@tensorflow/tfjs-core';
import { gemmOf } from './wasm-gemm-for';
import type { AdamUpdateConstants } from './wasm-kernels';
import { requireWasmKernels } from './wasm-kernels-for';

/** dlkit's kernel for one Adam step; only the wasm backend has it (other backends compose tfjs ops). */
export const adamUpdateKernelName = 'DlkitAdamUpdate';

/**
 * One Adam step in one SIMD pass over parameter, gradient and moments, where tfjs ops take 12 passes
 * (~3 ms against ~17 ms for the 2.1 M parameters of the MNIST GAN), shared with the GEMM's worker threads
 * when the parameter is large (the pass is bound by its square roots and divisions, not by memory).
 * Outputs: parameter, m, v.
 */
export const wasmAdamUpdateConfig: tf.KernelConfig = {
  kernelName: adamUpdateKernelName,
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const kernels = requireWasmKernels(backend, adamUpdateKernelName);
    const { parameter, gradient, firstMoment, secondMoment } = inputs as Record<string, tf.TensorInfo>;
    return kernels.adam(parameter!, gradient!, firstMoment!, secondMoment!, attrs as unknown as AdamUpdateConstants, gemmOf(backend));
  },
};
