import type * as tf from '@tensorflow/tfjs-core';
import { VaeModel } from './_vae-model';
import { resolveVaeConfig, type VaeConfig } from './vae-config';

/**
 * A VAE: an MLP encoder to a diagonal Gaussian q(z|x) = N(μ, diag σ²), a decoder to Bernoulli logits,
 * and a N(0, I) prior. Every method returns new tensors that the caller disposes; none leaks.
 * Methods that draw noise take a `seed`; without one they draw from a seeded stream of the config's seed.
 */
export interface Vae {
  readonly config: VaeConfig;
  /** The trainable variables, in the order of `variableNames`. */
  readonly variables: readonly tf.Variable[];
  /** 'encoder.0.weights', 'encoder.0.bias', …, 'encoder.head.*' (μ and log σ² side by side), 'decoder.*'. */
  readonly variableNames: readonly string[];
  readonly isDisposed: boolean;
  /** q(z|x): μ and log σ², each [batch, latentSize]. */
  encode(x: tf.Tensor2D): { mean: tf.Tensor2D; logVariance: tf.Tensor2D };
  /** p(x|z) as Bernoulli logits [batch, inputSize]. */
  decode(z: tf.Tensor2D): tf.Tensor2D;
  /** The ELBO per row in nats, E_q[log p(x|z)] − KL(q‖p(z)), the expectation estimated with `samples` (default 1) reparameterized draws. */
  elbo(x: tf.Tensor2D, options?: { seed?: number; samples?: number }): tf.Tensor1D;
  /** The importance-weighted bound per row, log (1/k) Σ p(x, zᵢ)/q(zᵢ|x) with k = `samples`: ≥ the ELBO in expectation, → log p(x) as k grows. */
  iwae(x: tf.Tensor2D, options: { samples: number; seed?: number }): tf.Tensor1D;
  /** Pixel probabilities decoded from the posterior mean μ(x). */
  reconstruct(x: tf.Tensor2D): tf.Tensor2D;
  /** `count` digits from the prior: pixel probabilities [count, inputSize]. */
  sample(count: number, options?: { seed?: number }): tf.Tensor2D;
  /**
   * Latent size 2 only: a size×size grid of decoded digits, z at normal quantiles evenly spaced in
   * `quantileRange` (default [0.05, 0.95]); row-major, z₁ grows to the right, z₂ upwards.
   */
  latentGrid(size: number, options?: { quantileRange?: [number, number] }): tf.Tensor2D;
  /** Frees the variables; later calls throw. Idempotent. */
  dispose(): void;
}

/**
 * Creates a VAE with seeded PyTorch-style initialization. Defaults: 784-400-20 (see defaultVaeConfig).
 * @example
 * const vae = createVae({ latentSize: 2 });
 * const digits = vae.sample(16, { seed: 1 }); // [16, 784] probabilities
 */
export function createVae(config: Partial<VaeConfig> = {}): Vae {
  return new VaeModel(resolveVaeConfig(config));
}
