import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { evaluateVae } from '../src/node';
import { test_, trained } from './_tiny-vae-run';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

describe('evaluateVae', () => {
  test('reports −ELBO = reconstruction + KL, an IWAE bound tighter than it, deterministically and without leaks', async () => {
    const trainer = await trained(4);
    const before = tf.memory().numTensors;
    const a = await evaluateVae(trainer.vae, test_, { importanceSamples: 50, batchSize: 5, seed: 3 });
    const b = await evaluateVae(trainer.vae, test_, { importanceSamples: 50, batchSize: 5, seed: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect(a).toEqual(b);
    expect(a.count).toBe(16);
    expect(a.negativeElbo).toBeCloseTo(a.reconstruction + a.kl, 4);
    expect(a.negativeIwae!).toBeLessThan(a.negativeElbo);
    await expect(evaluateVae(trainer.vae, test_, { importanceSamples: 0 })).rejects.toThrow(
      'evaluateVae: importanceSamples must be a positive integer, found 0',
    );
    trainer.dispose();
  });
});
