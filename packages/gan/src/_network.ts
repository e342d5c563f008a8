import { dropout } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { deriveSeed } from '@dlkit/random';
import type { NormalizationStatistics } from './_batch-normalization';
import { randomStream } from './_random-stream';

/** One named trainable tensor; names are stable so checkpoints can be checked against the config. */
export interface NamedParameter {
  name: string;
  variable: tf.Variable;
}

/**
 * How a network lays out a batch: one sample per row ([batch, features]) or per column
 * ([features, batch], the layout in which dense layers train fastest on WASM: see denseByColumns).
 */
export type SampleLayout = 'rows' | 'columns';

/** How a forward pass runs: training (dropout on, batch statistics) or inference. */
export interface ForwardOptions {
  /** With it dropout is on (training) and its masks come from this seed; without it dropout is off. */
  dropoutSeed?: number;
  /**
   * Batch-normalized networks: the statistics each normalization layer uses (from `statisticsOf`), so
   * each sample's output depends on it alone; without them every layer uses the batch's own (training).
   */
  statistics?: NormalizationStatistics[];
}

/** A generator or discriminator: its parameters in a fixed order and its forward pass. */
export interface Network {
  parameters: NamedParameter[];
  /** The layout `apply` takes its input in and returns its output in. */
  samplesIn: SampleLayout;
  /** Forward pass of a batch laid out as `samplesIn` says. */
  apply(x: tf.Tensor2D, options?: ForwardOptions): tf.Tensor2D;
  /**
   * Batch-normalized networks only: the statistics each normalization layer computes over batch `x`
   * (laid out as `samplesIn`) in a training-mode pass, in layer order; the caller disposes them.
   */
  statisticsOf?(x: tf.Tensor2D): NormalizationStatistics[];
}

/** A [batch, features] matrix in `layout`, or a batch in `layout` back to [batch, features]: a transpose for columns. */
export function relayout(x: tf.Tensor2D, from: SampleLayout, to: SampleLayout): tf.Tensor2D {
  return from === to ? x : tf.transpose(x);
}

/** Two batches in `layout` as one, the first's samples first. */
export function joinBatches(first: tf.Tensor2D, second: tf.Tensor2D, layout: SampleLayout): tf.Tensor2D {
  return tf.concat([first, second], layout === 'rows' ? 0 : 1);
}

/** `count` samples from `start` of a batch in `layout`. */
export function sliceBatch(x: tf.Tensor2D, start: number, count: number, layout: SampleLayout): tf.Tensor2D {
  return layout === 'rows' ? tf.slice(x, [start, 0], [count, -1]) : tf.slice(x, [0, start], [-1, count]);
}

/** Glorot-uniform weights (Keras' default) from a seed, or all zeros (biases, shifts) or ones (scales). */
export function createParameter(
  name: string,
  shape: number[],
  fans: [number, number] | 'zeros' | 'ones',
  seed: number,
  index: number,
): NamedParameter {
  const initial =
    fans === 'zeros'
      ? tf.zeros(shape)
      : fans === 'ones'
        ? tf.ones(shape)
        : tf.tidy(() => {
            const limit = Math.sqrt(6 / (fans[0] + fans[1]));
            return tf.randomUniform(shape, -limit, limit, 'float32', deriveSeed(seed, randomStream.weights, index));
          });
  // tf.variable shares the initial tensor's data but counts it separately: free the initial one.
  const variable = tf.variable(initial, true);
  initial.dispose();
  return { name, variable };
}

/** Inverted dropout with a seeded mask: kept units are scaled by 1/(1 − rate), so inference needs nothing. */
export function seededDropout<T extends tf.Tensor>(x: T, rate: number, seed: number | undefined, layer: number): T {
  if (seed === undefined || rate === 0) return x;
  // The backend's dropout draws its mask in JS: about twice as fast on WASM as randomUniform + compare.
  return dropout(x, rate, deriveSeed(seed, randomStream.layerDropout, layer));
}

export function disposeNetwork(network: Network): void {
  for (const { variable } of network.parameters) variable.dispose();
}
