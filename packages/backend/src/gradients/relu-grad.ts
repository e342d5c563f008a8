import * as tf from '@tensorflow/tfjs-core';
import { stepTimes } from './_step-times';

/** Relu's gradient, dy · step(x), as one kernel on WASM instead of stock's step, cast and mul. */
export const reluGradConfig: tf.GradConfig = {
  kernelName: tf.Relu,
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => {
    const [x] = saved as [tf.Tensor];
    return { x: () => stepTimes(dy as tf.Tensor, x, 0) };
  },
};
