/**
 * The default run of `demo vae train`: the package's default VAE (784-400-20, Adam 1e-3, batch 128,
 * seed 0) for 10 epochs of the embedded 8,000 digits, which ends near 122 nats of test −ELBO in about a
 * minute on a 2-core machine (see README).
 */
export const vaeDefaults = {
  epochs: 10,
  batchSize: 128,
  learningRate: 1e-3,
  seed: 0,
} as const;
