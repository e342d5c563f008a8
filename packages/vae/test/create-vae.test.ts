import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createVae, createVaeTrainer, gaussianKl, type Vae, VaeError } from '../src/node';

let vae: Vae;

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
  vae = createVae({ inputSize: 36, hiddenSizes: [24], latentSize: 3, seed: 11 });
});

afterAll(() => vae.dispose());

function pixels(rows: number, columns: number, seed = 1): tf.Tensor2D {
  return tf.randomUniform([rows, columns], 0, 1, 'float32', seed) as tf.Tensor2D;
}

/** Runs fn, disposes what it returns, and checks no tensor was left behind. */
function expectNoLeak(fn: () => tf.TensorContainer): void {
  const before = tf.memory().numTensors;
  tf.dispose(fn());
  expect(tf.memory().numTensors).toBe(before);
}

describe('createVae', () => {
  test('encode, decode, reconstruct, sample, elbo and iwae return the documented shapes and ranges', () => {
    const x = pixels(5, 36);
    const { mean, logVariance } = vae.encode(x);
    expect(mean.shape).toEqual([5, 3]);
    expect(logVariance.shape).toEqual([5, 3]);
    const logits = vae.decode(mean);
    expect(logits.shape).toEqual([5, 36]);
    const reconstruction = vae.reconstruct(x);
    const samples = vae.sample(7, { seed: 2 });
    expect(reconstruction.shape).toEqual([5, 36]);
    expect(samples.shape).toEqual([7, 36]);
    for (const probabilities of [reconstruction, samples]) {
      expect(tf.min(probabilities).dataSync()[0]).toBeGreaterThanOrEqual(0);
      expect(tf.max(probabilities).dataSync()[0]).toBeLessThanOrEqual(1);
    }
    const elbo = vae.elbo(x, { seed: 3 });
    const iwae = vae.iwae(x, { samples: 4, seed: 3 });
    expect(elbo.shape).toEqual([5]);
    expect(iwae.shape).toEqual([5]);
    // An ELBO is a log-probability of 36 Bernoulli pixels: negative, and above 36·log(1/2)·(a few).
    expect(Math.max(...elbo.dataSync())).toBeLessThan(0);
    tf.dispose([x, mean, logVariance, logits, reconstruction, samples, elbo, iwae]);
  });

  test('every method leaves tf.memory().numTensors unchanged once its result is disposed', () => {
    const x = pixels(4, 36);
    const z = tf.zeros([4, 3]) as tf.Tensor2D;
    expectNoLeak(() => vae.encode(x) as unknown as tf.TensorContainer);
    expectNoLeak(() => vae.decode(z));
    expectNoLeak(() => vae.elbo(x, { samples: 3 }));
    expectNoLeak(() => vae.iwae(x, { samples: 5 }));
    expectNoLeak(() => vae.reconstruct(x));
    expectNoLeak(() => vae.sample(3));
    expectNoLeak(() => gaussianKl(z, z));
    const flat = createVae({ inputSize: 36, hiddenSizes: [8], latentSize: 2 });
    expectNoLeak(() => flat.latentGrid(3));
    const before = tf.memory().numTensors;
    flat.dispose();
    expect(tf.memory().numTensors).toBe(before - flat.variables.length);
    tf.dispose([x, z]);
  });

  test('the same seed gives the same ELBO and samples', () => {
    const x = pixels(3, 36);
    const a = vae.elbo(x, { seed: 9 });
    const b = vae.elbo(x, { seed: 9 });
    const c = vae.elbo(x, { seed: 10 });
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(c.dataSync()));
    const s1 = vae.sample(2, { seed: 4 });
    const s2 = vae.sample(2, { seed: 4 });
    expect(Array.from(s1.dataSync())).toEqual(Array.from(s2.dataSync()));
    tf.dispose([x, a, b, c, s1, s2]);
  });

  test('gaussianKl(mean, logVariance) agrees with a Monte-Carlo estimate of E_q[log q(z) − log N(z; 0, I)]', () => {
    const meanValues = [0.5, -1.2, 2.0];
    const logVarianceValues = [-1.0, 0.7, 0.0];
    const mean = tf.tensor2d([meanValues]);
    const logVariance = tf.tensor2d([logVarianceValues]);
    const analytic = gaussianKl(mean, logVariance).dataSync()[0]!;
    const n = 200_000;
    const [estimate, standardError] = tf.tidy(() => {
      const eps = tf.randomNormal([n, 3], 0, 1, 'float32', 5);
      const z = tf.add(mean, tf.mul(tf.exp(tf.mul(logVariance, 0.5)), eps));
      const logQ = tf.sum(tf.mul(tf.add(tf.square(eps), logVariance), -0.5), 1);
      const logP = tf.sum(tf.mul(tf.square(z), -0.5), 1); // the 2π terms cancel
      const d = tf.sub(logQ, logP);
      const m = tf.mean(d);
      const sd = tf.sqrt(tf.mean(tf.square(tf.sub(d, m))));
      return [m.dataSync()[0]!, sd.dataSync()[0]! / Math.sqrt(n)];
    });
    // Closed form by hand: ½ Σ (μ² + σ² − 1 − log σ²).
    const byHand = 0.5 * meanValues.reduce((s, m, i) => s + m * m + Math.exp(logVarianceValues[i]!) - 1 - logVarianceValues[i]!, 0);
    expect(analytic).toBeCloseTo(byHand, 5);
    expect(Math.abs(estimate! - analytic)).toBeLessThan(4 * standardError!);
    tf.dispose([mean, logVariance]);
  });

  test('ELBO ≤ IWAE bound, and the bound tightens as k grows', () => {
    // Four binary prototypes: log p(x) needs z, and a briefly trained q(z|x) is not the exact posterior,
    // so the gaps between the bounds are visible.
    const trainer = createVaeTrainer({ inputSize: 36, hiddenSizes: [32], latentSize: 2, learningRate: 1e-2, seed: 2 });
    const data = tf.tidy(() => {
      const prototypes = tf.cast(tf.greater(pixels(4, 36, 7), 0.5), 'float32');
      return tf.gather(
        prototypes,
        tf.tensor1d(
          Array.from({ length: 64 }, (_, i) => i % 4),
          'int32',
        ),
      );
    }) as tf.Tensor2D;
    for (let i = 0; i < 100; i++) trainer.step(data);
    const average = (t: tf.Tensor1D) => {
      const value = tf.mean(t).dataSync()[0]!;
      t.dispose();
      return value;
    };
    const elbo = average(trainer.vae.elbo(data, { samples: 2000, seed: 1 }));
    // The bounds are means of noisy per-row estimates (one draw per row, for k = 1, has heavy tails): take
    // them over 1,024 rows (256 of each prototype), so that noise cannot blur the gaps between them.
    const rows1024 = tf.tile(data, [16, 1]) as tf.Tensor2D;
    const iwae1 = average(trainer.vae.iwae(rows1024, { samples: 1, seed: 1 }));
    const iwae10 = average(trainer.vae.iwae(rows1024, { samples: 10, seed: 2 }));
    const iwae100 = average(trainer.vae.iwae(rows1024, { samples: 100, seed: 3 }));
    const iwae1000 = average(trainer.vae.iwae(rows1024, { samples: 1000, seed: 4 }));
    rows1024.dispose();
    // k = 1 is a one-sample ELBO estimate; then the bound rises with k (measured here: −3.40, −2.75, −2.71, −2.69; ELBO −3.29).
    expect(Math.abs(iwae1 - elbo)).toBeLessThan(0.5);
    expect(iwae10 - elbo).toBeGreaterThan(0.1);
    expect(iwae100 - iwae10).toBeGreaterThan(0.03);
    expect(iwae1000).toBeGreaterThan(iwae100 - 0.02);
    expect(iwae1000).toBeLessThan(0); // still a bound on a log-probability
    data.dispose();
    trainer.dispose();
  }, 30_000);

  test('latentGrid(size) decodes a size×size grid, and needs latentSize 2', () => {
    const flat = createVae({ inputSize: 36, hiddenSizes: [8], latentSize: 2 });
    const grid = flat.latentGrid(4);
    expect(grid.shape).toEqual([16, 36]);
    grid.dispose();
    expect(() => flat.latentGrid(4, { quantileRange: [0, 1] })).toThrow(
      'latentGrid: quantileRange must satisfy 0 < low < high < 1, found [0, 1]',
    );
    flat.dispose();
    expect(() => vae.latentGrid(4)).toThrow('latentGrid: the manifold grid needs latentSize 2, found latentSize 3');
  });

  test('bad input is one VaeError naming the problem', () => {
    const wrong = tf.zeros([2, 35]) as tf.Tensor2D;
    expect(() => vae.encode(wrong)).toThrow('encode: x must have shape [batch ≥ 1, 36], found [2, 35]');
    expect(() => vae.decode(wrong)).toThrow('decode: z must have shape [batch ≥ 1, 3], found [2, 35]');
    expect(() => vae.iwae(pixels(1, 36), { samples: 0 })).toThrow('iwae: samples must be a positive integer, found 0');
    expect(() => vae.sample(1.5)).toThrow(VaeError);
    expect(() => vae.elbo(tf.zeros([2, 36], 'int32') as tf.Tensor2D)).toThrow('elbo: x must be float32, found int32');
    const gone = createVae({ inputSize: 4, hiddenSizes: [], latentSize: 2 });
    gone.dispose();
    expect(() => gone.sample(1)).toThrow('sample: this VAE has been disposed');
    wrong.dispose();
  });
});
