import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createVaeTrainer, VaeError } from '../src/node';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

function syntheticBatch(rows: number, columns: number, seed: number): tf.Tensor2D {
  // Two blob "digits": a left half or a right half lit, so there is structure to learn.
  const values = new Float32Array(rows * columns);
  let state = seed;
  for (let r = 0; r < rows; r++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const left = state % 2 === 0;
    for (let c = 0; c < columns; c++) values[r * columns + c] = c < columns / 2 === left ? 0.9 : 0.05;
  }
  return tf.tensor2d(values, [rows, columns]);
}

describe('createVaeTrainer', () => {
  test('step(batch) lowers the negative ELBO on a small problem and reports its two terms', () => {
    const trainer = createVaeTrainer({ inputSize: 16, hiddenSizes: [8], latentSize: 2, learningRate: 1e-2, seed: 3 });
    const batch = syntheticBatch(32, 16, 1);
    const first = trainer.step(batch);
    expect(first.loss).toBeCloseTo(first.reconstruction + first.kl, 3);
    let last = first;
    for (let i = 0; i < 60; i++) last = trainer.step(batch);
    expect(last.loss).toBeLessThan(first.loss * 0.8);
    expect(trainer.stepCount).toBe(61);
    expect(trainer.history.steps).toHaveLength(0); // only trainVae records history
    batch.dispose();
    trainer.dispose();
  });

  test('step keeps tf.memory().numTensors constant', () => {
    const trainer = createVaeTrainer({ inputSize: 16, hiddenSizes: [8], latentSize: 2, seed: 1 });
    const batch = syntheticBatch(8, 16, 2);
    trainer.step(batch); // creates the Adam moments once
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) trainer.step(batch);
    expect(tf.memory().numTensors).toBe(before);
    batch.dispose();
    trainer.dispose();
  });

  test('the same seed gives the same losses; a different seed does not', () => {
    const run = (seed: number) => {
      const trainer = createVaeTrainer({ inputSize: 16, hiddenSizes: [8], latentSize: 2, seed });
      const batch = syntheticBatch(8, 16, 5);
      const losses = [0, 1, 2].map(() => trainer.step(batch).loss);
      batch.dispose();
      trainer.dispose();
      return losses;
    };
    expect(run(4)).toEqual(run(4));
    expect(run(4)).not.toEqual(run(5));
  });

  test('step rejects a batch of the wrong shape with one clear error', () => {
    const trainer = createVaeTrainer({ inputSize: 16, hiddenSizes: [8], latentSize: 2 });
    const wrong = tf.zeros([4, 15]) as tf.Tensor2D;
    expect(() => trainer.step(wrong)).toThrow(VaeError);
    expect(() => trainer.step(wrong)).toThrow('step: batch must have shape [batch ≥ 1, 16], found [4, 15]');
    wrong.dispose();
    trainer.dispose();
  });

  test('a NaN in the batch stops the step with a clear error and leaves the weights untouched', async () => {
    const trainer = createVaeTrainer({ inputSize: 4, hiddenSizes: [3], latentSize: 2 });
    const bad = tf.tensor2d([[0, Number.NaN, 1, 0]]);
    const before = await trainer.vae.variables[0]!.data();
    expect(() => trainer.step(bad)).toThrow(/step 1: the loss is not finite \(loss NaN.*the weights were not updated/);
    expect(await trainer.vae.variables[0]!.data()).toEqual(before);
    expect(trainer.stepCount).toBe(0);
    bad.dispose();
    trainer.dispose();
  });

  test('createVaeTrainer rejects a bad config naming the field', () => {
    expect(() => createVaeTrainer({ latentSize: 0 })).toThrow('VAE config latentSize must be a positive integer, found 0');
    expect(() => createVaeTrainer({ hiddenSizes: [400, 2.5] })).toThrow('VAE config hiddenSizes[1] must be a positive integer, found 2.5');
    expect(() => createVaeTrainer({ learningRate: Number.NaN })).toThrow('learningRate must be a positive finite number, found NaN');
  });
});
