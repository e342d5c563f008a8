import * as tf from '@tensorflow/tfjs-core';
import { BackendError } from '../backend-error';
import { preActivationGrad } from './_pre-activation-grad';

/**
 * A gradient for the FusedConv2D kernel (conv2d + bias + activation in one pass), which tfjs-core
 * registers none for (its tf.fused.conv2d differentiates through customGrad, for linear and relu only).
 * conv2d() runs the kernel directly. The activation's derivative is read off the saved output, as for
 * _FusedMatMul; the input and filter gradients are tfjs's Conv2DBackpropInput and Conv2DBackpropFilter
 * kernels, the bias's the sum over every axis but the channels.
 */
export const fusedConv2DGradConfig: tf.GradConfig = {
  kernelName: tf.FusedConv2D,
  inputsToSave: ['x', 'filter'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, filter, y] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
    const { strides, pad, dataFormat, dilations, dimRoundingMode, activation, leakyreluAlpha } = attrs as unknown as tf.FusedConv2DAttrs;
    if (dataFormat !== 'NHWC' || !tf.backend_util.tupleValuesAreOne(dilations ?? 1)) {
      throw new BackendError(`FusedConv2D gradient: NHWC without dilation only, found ${dataFormat} with dilations ${String(dilations)}`, {
        kind: 'input',
      });
    }
    const pre = preActivationGrad(dy as tf.Tensor, y, activation ?? 'linear', leakyreluAlpha ?? 0.2, 'FusedConv2D');
    const conv = { strides, pad, dataFormat, dimRoundingMode };
    return {
      x: () => tf.engine().runKernel(tf.Conv2DBackpropInput, { dy: pre, filter }, { ...conv, inputShape: x.shape }) as tf.Tensor,
      filter: () => tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy: pre }, { ...conv, filterShape: filter.shape }) as tf.Tensor,
      bias: () => tf.sum(pre, [0, 1, 2]),
    };
  },
};
