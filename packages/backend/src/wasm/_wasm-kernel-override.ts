import type * as tf from '@tensorflow/tfjs-core';
import type { WasmKernels } from './wasm-kernels';
import { wasmKernelsFor } from './wasm-kernels-for';

/**
 * `stock` with a kernel function that first offers the call to `ours` (with dlkit's wasm kernels for
 * this backend); where those cannot run, or `ours` returns undefined for these inputs, stock computes it.
 */
export function withWasmKernels(
  stock: tf.KernelConfig,
  ours: (args: Parameters<tf.KernelFunc>[0], kernels: WasmKernels) => tf.TensorInfo | tf.TensorInfo[] | undefined,
): tf.KernelConfig {
  return {
    ...stock,
    kernelFunc: (args) => {
      const kernels = wasmKernelsFor(args.backend);
      return (kernels && ours(args, kernels)) ?? stock.kernelFunc(args);
    },
  };
}
