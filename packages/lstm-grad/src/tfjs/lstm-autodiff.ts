import * as tf from '@tensorflow/tfjs-core';
import { lstmInputs } from './_lstm-inputs';
import { lstmSteps, unpackLstm } from './_lstm-steps';
import type { LstmOutput, LstmParams, LstmState } from './lstm-params';

/**
 * The same forward pass as `lstm`, left to tfjs autodiff (tf.grads differentiates it op by op).
 * It exists to check `lstm`'s analytic gradient and to measure it against stock tfjs.
 *
 * @example const { h } = lstmAutodiff(x, { W, b });
 */
export function lstmAutodiff(x: tf.Tensor3D, params: LstmParams, state: LstmState = {}): LstmOutput {
  const sizes = lstmInputs(x, params, state);
  return tf.tidy(() => {
    const h0 = state.h0 ?? tf.zeros([sizes.batch, sizes.hidden]);
    const c0 = state.c0 ?? tf.zeros([sizes.batch, sizes.hidden]);
    return unpackLstm(lstmSteps(x, params.W, params.b, h0, c0, sizes).packed, sizes);
  });
}
