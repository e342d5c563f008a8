import * as tf from '@tensorflow/tfjs-core';
import { stepTimes } from './_step-times';

/** LeakyRelu's gradient, dy · step(x, alpha): one kernel on WASM (elsewhere two) instead of stock's greater + mul + where. */
export const leakyReluGradConfig: tf.GradConfig = {
  kernelName: tf.LeakyRelu,
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => {
    const [x] = saved as [tf.Tensor];
    const { alpha } = attrs as unknown as tf.LeakyReluAttrs;
    return { x: () => stepTimes(dy as tf.Tensor, x, alpha) };
  },
};
