import * as tf from '@tensorflow/tfjs-core';
import { BackendError } from '../backend-error';
import { requireWasmKernels } from './wasm-kernels-for';

/** dlkit's kernel for dy · step(y, alpha) in one pass (relu's and leakyRelu's gradient); see stepTimes. */
export const activationGradKernelName = 'DlkitActivationGrad';

export interface ActivationGradAttrs {
  /** The factor where y ≤ 0: 0 for relu, the slope for leakyRelu. */
  alpha: number;
}

export const wasmActivationGradConfig: tf.KernelConfig = {
  kernelName: activationGradKernelName,
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const { dy, y } = inputs as { dy: tf.TensorInfo; y: tf.TensorInfo };
    if (dy.dtype !== 'float32' || y.dtype !== 'float32' || !tf.util.arraysEqual(dy.shape, y.shape)) {
      throw new BackendError(
        `${activationGradKernelName}: dy and y must be float32 tensors of one shape, found dy ${dy.dtype} [${dy.shape}] and y ${y.dtype} [${y.shape}]`,
        { kind: 'input' },
      );
    }
    const { alpha } = attrs as unknown as ActivationGradAttrs;
    return requireWasmKernels(backend, activationGradKernelName).activationGrad(dy, y, alpha);
  },
};
