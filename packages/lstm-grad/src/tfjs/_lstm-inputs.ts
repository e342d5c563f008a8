import type * as tf from '@tensorflow/tfjs-core';
import { type LstmSizes, lstmSizes } from '../lstm-sizes';
import type { LstmParams, LstmState } from './lstm-params';

/** Checks shapes and dtypes of an lstm call (no data is read) and returns its sizes. */
export function lstmInputs(x: tf.Tensor, params: LstmParams, state: LstmState): LstmSizes {
  if (params === null || typeof params !== 'object' || params.W === undefined) {
    throw new TypeError('lstm: params must be { W: Tensor2D [4H, H+X], b?: Tensor1D [4H] }');
  }
  const named: Array<[string, tf.Tensor | undefined]> = [
    ['x', x],
    ['W', params.W],
    ['b', params.b],
    ['h0', state.h0],
    ['c0', state.c0],
  ];
  for (const [name, tensor] of named) {
    if (tensor !== undefined && tensor.dtype !== 'float32') throw new TypeError(`lstm: ${name} must be float32; found ${tensor.dtype}`);
  }
  return lstmSizes({ x: x.shape, W: params.W.shape, b: params.b?.shape, h0: state.h0?.shape, c0: state.c0?.shape });
}
