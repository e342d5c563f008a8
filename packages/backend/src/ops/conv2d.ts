import * as tf from '@tensorflow/tfjs-core';
import { fastKernelsEnabled } from '../_fast-kernels-switch';
import { applyActivation, type DenseActivation, tanhFromSigmoid } from './_activation';
import { allFloat32, checkConvShapes, fusedConvActivations } from './_conv-layer';

/** How a convolution layer strides, pads and activates (conv2d, conv2dTranspose). */
export interface Conv2DOptions {
  /** Default 1. */
  strides?: number | [number, number];
  /** tfjs's padding: 'same' (default), 'valid', or a number of pixels on every side. */
  pad?: 'same' | 'valid' | number;
  activation?: DenseActivation;
  /** Slope for negative inputs of 'leakyRelu'. */
  leakyAlpha?: number;
}

/**
 * A convolution layer, activation(conv2d(x, filter) + bias), for NHWC x [batch, height, width, in] and
 * filter [kH, kW, in, out]: the convolutional counterpart of `dense`. With fast kernels on it runs as one
 * fused kernel (FusedConv2D: on WASM dlkit's GEMM applies bias and activation as it stores each block)
 * whose gradient reads the activation's derivative off the output. Its gradients need a backend with a
 * Conv2DBackpropFilter kernel: every one but stock tfjs-backend-wasm (dlkit's GEMM adds it there).
 */
export function conv2d(x: tf.Tensor4D, filter: tf.Tensor4D, bias?: tf.Tensor1D, options: Conv2DOptions = {}): tf.Tensor4D {
  const { strides = 1, pad = 'same', activation = 'linear', leakyAlpha = 0.2 } = options;
  checkConvShapes('conv2d', x, filter, bias, 2, 3);
  const fused = fusedConvActivations[activation];
  if (fastKernelsEnabled() && fused !== undefined && allFloat32(x, filter, bias) && !(activation === 'leakyRelu' && leakyAlpha < 0)) {
    return tf.tidy(() => {
      const y = tf
        .engine()
        .runKernel(
          tf.FusedConv2D,
          { x, filter, ...(bias ? { bias } : {}) },
          { strides, pad, dataFormat: 'NHWC', dilations: 1, activation: fused, leakyreluAlpha: leakyAlpha },
        ) as tf.Tensor4D;
      return (activation === 'tanh' ? tanhFromSigmoid(y) : y) as tf.Tensor4D;
    });
  }
  return tf.tidy(() => {
    const y = tf.conv2d(x, filter, strides, pad);
    return applyActivation(bias ? tf.add(y, bias) : y, activation, leakyAlpha);
  });
}
