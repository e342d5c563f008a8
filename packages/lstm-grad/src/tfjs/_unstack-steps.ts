import * as tf from '@tensorflow/tfjs-core';

/**
 * Splits a [T, …rest] tensor into T tensors of shape rest, like tf.unstack but cheaper on wasm: its
 * Slice kernel copies the whole input buffer for every slice it takes, so unstack costs T full copies.
 * Splitting into ~√T chunks first and unstacking each costs ~2√T. Differentiable on every backend
 * (SplitV and Unpack have gradients; chunks of one step are reshaped, since tfjs's Unpack gradient
 * fails for a single output).
 */
export function unstackSteps(sequence: tf.Tensor): tf.Tensor[] {
  const [T, ...rest] = sequence.shape as [number, ...number[]];
  const chunk = Math.max(1, Math.round(Math.sqrt(T)));
  const sizes: number[] = [];
  for (let start = 0; start < T; start += chunk) sizes.push(Math.min(chunk, T - start));
  const chunks = sizes.length === 1 ? [sequence] : tf.split(sequence, sizes, 0);
  return chunks.flatMap((part) => (part.shape[0] === 1 ? [tf.reshape(part, rest)] : tf.unstack(part)));
}
