import * as tf from '@tensorflow/tfjs-core';
import type { GanConfig } from '../src/node';

/** A GAN small enough that a few steps take milliseconds: 8×8 images, z(8), D with dropout. */
export const tinyConfig: Partial<GanConfig> = {
  imageShape: [8, 8],
  latentDim: 8,
  generatorUnits: [16],
  discriminatorUnits: [16, 16],
  batchSize: 16,
  learningRate: 1e-3,
  seed: 7,
};

/** The tiny GAN as a DCGAN: a few channels, 3×3 kernels. */
export const tinyDcganConfig: Partial<GanConfig> = {
  ...tinyConfig,
  model: 'dcgan',
  generatorChannels: [4, 3],
  discriminatorChannels: [3, 4],
  kernelSize: 3,
};

/**
 * Synthetic "digits": a bright bar at one of four rows plus a little noise, in [−1, 1]. Structured
 * enough that a discriminator can tell them from a fresh generator's output within a few steps.
 */
export function barImages(count: number, side = 8, seed = 1): { images: Float32Array; count: number } {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const images = new Float32Array(count * side * side).fill(-1);
  for (let n = 0; n < count; n++) {
    const row = 2 * (n % 4);
    for (let c = 0; c < side; c++) images[n * side * side + row * side + c] = 1 - 0.2 * random();
  }
  return { images, count };
}

export function batchTensor(data: { images: Float32Array }, count: number, pixels: number): tf.Tensor2D {
  return tf.tensor2d(data.images.subarray(0, count * pixels), [count, pixels]);
}

/** Runs a training loop to its end, dropping its events. */
export async function drain(events: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of events);
}

/** tf.memory().numTensors after each of `steps` steps on `real`, after one warm-up step: all equal when nothing leaks. */
export function tensorCountsAfterSteps(trainer: { step(real: tf.Tensor2D): unknown }, real: tf.Tensor2D, steps = 3): number[] {
  trainer.step(real);
  const counts: number[] = [];
  for (let i = 0; i < steps; i++) {
    trainer.step(real);
    counts.push(tf.memory().numTensors);
  }
  return counts;
}
