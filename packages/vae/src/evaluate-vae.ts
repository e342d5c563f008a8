import * as tf from '@tensorflow/tfjs-core';
import { checkVaeDataset } from './_check-dataset';
import { deriveSeed } from '@dlkit/random';
import { randomStream } from './_random-stream';
import type { VaeModel } from './_vae-model';
import type { Vae } from './create-vae';
import type { VaeDataset } from './vae-dataset';
import { VaeError } from './vae-error';

/** Options of evaluateVae. */
export interface EvaluateVaeOptions {
  /** Rows per forward pass (default 500). */
  batchSize?: number;
  /** Seeds the reparameterization noise; the same seed gives the same numbers (default: the VAE's config seed). */
  seed?: number;
  /** Also compute the IWAE bound with this many importance samples per digit (k); off when absent. */
  importanceSamples?: number;
  /** Optional progress callback after each batch, with the rows done so far. */
  onProgress?: (done: number, total: number) => void;
}

/** Dataset averages in nats per digit. */
export interface VaeEvaluation {
  count: number;
  /** −ELBO, one reparameterized sample per digit (as the PyTorch example's test loss). */
  negativeElbo: number;
  /** −E_q[log p(x|z)]. */
  reconstruction: number;
  /** KL(q(z|x) ‖ N(0, I)). */
  kl: number;
  /** −IWAE bound with k = importanceSamples: an estimate of −log p(x) that is tighter than −ELBO. */
  negativeIwae?: number;
  importanceSamples?: number;
}

/**
 * The test-set numbers of a VAE: −ELBO and its terms, and optionally the IWAE bound, averaged over
 * the dataset. Runs batch by batch, yielding between batches; leaks no tensors.
 * @example
 * const { negativeElbo, negativeIwae } = await evaluateVae(trainer.vae, testSet, { importanceSamples: 100 });
 */
export async function evaluateVae(vae: Vae, data: VaeDataset, options: EvaluateVaeOptions = {}): Promise<VaeEvaluation> {
  const model = vae as VaeModel;
  if (model.isDisposed) throw new VaeError('evaluateVae: this VAE has been disposed');
  const { inputSize } = model.config;
  checkVaeDataset(data, inputSize, 'evaluateVae');
  const batchSize = options.batchSize ?? 500;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new VaeError(`evaluateVae: batchSize must be a positive integer, found ${batchSize}`);
  const k = options.importanceSamples;
  if (k !== undefined && (!Number.isSafeInteger(k) || k < 1)) {
    throw new VaeError(`evaluateVae: importanceSamples must be a positive integer, found ${k}`);
  }
  const seed = options.seed ?? model.config.seed;
  if (!Number.isSafeInteger(seed)) throw new VaeError(`evaluateVae: seed must be an integer, found ${seed}`);
  let logLikelihoodSum = 0;
  let klSum = 0;
  let iwaeSum = 0;
  for (let start = 0, batch = 0; start < data.count; start += batchSize, batch++) {
    const end = Math.min(data.count, start + batchSize);
    const x = tf.tensor2d(data.images.subarray(start * inputSize, end * inputSize), [end - start, inputSize]);
    const { logLikelihood, kl } = model.elboTerms(x, { seed: deriveSeed(seed, randomStream.evaluationNoise, batch) }, 'evaluateVae');
    const sums = tf.tidy(() => tf.stack([tf.sum(logLikelihood), tf.sum(kl)]));
    const [ll, klBatch] = (await sums.data()) as Float32Array;
    logLikelihoodSum += ll!;
    klSum += klBatch!;
    tf.dispose([logLikelihood, kl, sums]);
    if (k !== undefined) {
      const bound = model.iwae(x, { samples: k, seed: deriveSeed(seed, randomStream.evaluationIwae, batch) });
      const total = tf.sum(bound);
      iwaeSum += (await total.data())[0]!;
      tf.dispose([bound, total]);
    }
    x.dispose();
    options.onProgress?.(end, data.count);
  }
  const n = data.count;
  const result: VaeEvaluation = {
    count: n,
    negativeElbo: (klSum - logLikelihoodSum) / n,
    reconstruction: -logLikelihoodSum / n,
    kl: klSum / n,
  };
  if (k !== undefined) {
    result.negativeIwae = -iwaeSum / n;
    result.importanceSamples = k;
  }
  return result;
}
