import type * as tf from '@tensorflow/tfjs-core';
import { BackendError } from '../backend-error';
import type { DenseActivation } from './_activation';

// What conv2d and conv2dTranspose share.

/** Activations a fused kernel applies itself (tanh comes after, from sigmoid). */
export const fusedConvActivations: Partial<Record<DenseActivation, string>> = {
  linear: 'linear',
  relu: 'relu',
  leakyRelu: 'leakyrelu',
  sigmoid: 'sigmoid',
  tanh: 'linear',
};

export function allFloat32(...tensors: (tf.Tensor | undefined)[]): boolean {
  return tensors.every((t) => t === undefined || t.dtype === 'float32');
}

/** Rank-4 x and filter whose channels fit (x's last axis against filter axis `inAxis`), bias [filter axis `outAxis`]. */
export function checkConvShapes(
  op: string,
  x: tf.Tensor,
  filter: tf.Tensor,
  bias: tf.Tensor | undefined,
  inAxis: number,
  outAxis: number,
): void {
  if (x.rank !== 4 || filter.rank !== 4) {
    throw new BackendError(`${op}: x and filter must be 4-D, found x [${x.shape}] and filter [${filter.shape}]`, { kind: 'input' });
  }
  if (x.shape[3] !== filter.shape[inAxis]) {
    throw new BackendError(
      `${op}: x [${x.shape}] and filter [${filter.shape}] do not fit: x has ${x.shape[3]} channels, the filter ${filter.shape[inAxis]}`,
      { kind: 'input' },
    );
  }
  if (bias && (bias.rank !== 1 || bias.shape[0] !== filter.shape[outAxis])) {
    throw new BackendError(`${op}: bias must be [${filter.shape[outAxis]}] for filter [${filter.shape}], found [${bias.shape}]`, {
      kind: 'input',
    });
  }
}
