import * as tf from '@tensorflow/tfjs-core';
import { type FusedConv2DTransposeAttrs, fusedConv2DTransposeKernelName } from '../wasm/wasm-conv2d';
import { preActivationGrad } from './_pre-activation-grad';

/**
 * The gradient of dlkit's fused transposed convolution: with pre = dy · activation'(y), the input's is
 * conv2d(pre, filter) (a transposed convolution's transpose), the filter's Conv2DBackpropFilter with the
 * roles of image and gradient swapped, the bias's the sum over every axis but the channels.
 */
export const fusedConv2DTransposeGradConfig: tf.GradConfig = {
  kernelName: fusedConv2DTransposeKernelName,
  inputsToSave: ['x', 'filter'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, filter, y] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
    const { strides, pad, activation, leakyreluAlpha } = attrs as unknown as FusedConv2DTransposeAttrs;
    const pre = preActivationGrad(dy as tf.Tensor, y, activation, leakyreluAlpha, fusedConv2DTransposeKernelName) as tf.Tensor4D;
    return {
      x: () => tf.conv2d(pre, filter, strides, pad),
      filter: () =>
        tf
          .engine()
          .runKernel(
            tf.Conv2DBackpropFilter,
            { x: pre, dy: x },
            { strides, pad, dataFormat: 'NHWC', filterShape: filter.shape },
          ) as tf.Tensor,
      bias: () => tf.sum(pre, [0, 1, 2]),
    };
  },
};
