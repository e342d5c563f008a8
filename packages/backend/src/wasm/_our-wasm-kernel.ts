import * as tf from '@tensorflow/tfjs-core';
import { fastKernelsEnabled } from '../_fast-kernels-switch';
import { wasmKernelsFor } from './wasm-kernels-for';

/** Whether `kernelName`, one of dlkit's own wasm kernels, runs now: fast kernels on, on a wasm backend that can run ours. */
export function ourWasmKernelRuns(kernelName: string): boolean {
  return (
    fastKernelsEnabled() &&
    tf.getBackend() === 'wasm' &&
    wasmKernelsFor(tf.backend()) !== undefined &&
    tf.getKernel(kernelName, 'wasm') !== undefined
  );
}
