import * as tf from '@tensorflow/tfjs-core';
import { fastKernelsEnabled } from '../_fast-kernels-switch';
import { fusedConv2DTransposeKernelName } from '../wasm/wasm-conv2d';
import { applyActivation, tanhFromSigmoid } from './_activation';
import { allFloat32, checkConvShapes, fusedConvActivations } from './_conv-layer';
import type { Conv2DOptions } from './conv2d';

/**
 * A transposed convolution layer, activation(conv2dTranspose(x, filter, outputShape) + bias), for NHWC
 * x [batch, height, width, in] and filter [kH, kW, out, in] (tfjs's layout for conv2dTranspose). On WASM
 * with dlkit's GEMM it runs as one kernel (bias and activation applied as each image is completed) with
 * its own gradient; elsewhere as tfjs's ops. Its gradients need a backend with a Conv2DBackpropFilter
 * kernel, as conv2d's.
 */
export function conv2dTranspose(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  outputShape: [number, number, number, number],
  bias?: tf.Tensor1D,
  options: Conv2DOptions = {},
): tf.Tensor4D {
  const { strides = 1, pad = 'same', activation = 'linear', leakyAlpha = 0.2 } = options;
  checkConvShapes('conv2dTranspose', x, filter, bias, 3, 2);
  const fused = fusedConvActivations[activation];
  const kernelRuns = tf.getKernel(fusedConv2DTransposeKernelName, tf.getBackend()) !== undefined;
  if (
    fastKernelsEnabled() &&
    kernelRuns &&
    fused !== undefined &&
    allFloat32(x, filter, bias) &&
    !(activation === 'leakyRelu' && leakyAlpha < 0)
  ) {
    return tf.tidy(() => {
      const y = tf
        .engine()
        .runKernel(
          fusedConv2DTransposeKernelName,
          { x, filter, ...(bias ? { bias } : {}) },
          { outputShape, strides, pad, activation: fused, leakyreluAlpha: leakyAlpha },
        ) as tf.Tensor4D;
      return (activation === 'tanh' ? tanhFromSigmoid(y) : y) as tf.Tensor4D;
    });
  }
  return tf.tidy(() => {
    const y = tf.conv2dTranspose(x, filter, outputShape, strides, pad);
    return applyActivation(bias ? tf.add(y, bias) : y, activation, leakyAlpha);
  });
}
