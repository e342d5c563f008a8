import { dropout } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { deriveSeed } from '@dlkit/random';
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

/** A generator or discriminator: its parameters in a fixed order and its forward pass. */
export interface Network {
  parameters: NamedParameter[];
  /** The layout `apply` takes its input in and returns its output in. */
  samplesIn: SampleLayout;
  /**
   * Forward pass of a batch laid out as `samplesIn` says. With `dropoutSeed` dropout is on (training)
   * and its masks come from that seed; without it dropout is off.
   */
  apply(x: tf.Tensor2D, dropoutSeed?: number): tf.Tensor2D;
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

/** Glorot-uniform weights (Keras' default) from a seed, zero biases. */
export function createParameter(
  name: string,
  shape: number[],
  fans: [number, number] | 'zeros',
  seed: number,
  index: number,
): NamedParameter {
  const initial =
    fans === 'zeros'
      ? tf.zeros(shape)
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
