import type * as tf from '@tensorflow/tfjs-core';
import { shareBuffer } from './wasm-identity';

/**
 * wasm's Cast, sharing the input's buffer when the dtype does not change (as the cpu backend's does):
 * stock wasm copies it. tfjs's multiply gradient casts its other operand to float32 on every call, so a
 * GAN step copied each dropout mask and activation it multiplied by: 15 copies and buffers a step of the
 * MLP GAN (the time they took, ~0.2 ms of its ~43, is within the noise of one run).
 */
export function sharedCastConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return {
    ...stock,
    kernelFunc: (args) => {
      const x = args.inputs.x as tf.TensorInfo;
      const { dtype } = args.attrs as unknown as tf.CastAttrs;
      return x.dtype === dtype && dtype !== 'string' ? shareBuffer(args.backend, x) : stock.kernelFunc(args);
    },
  };
}
