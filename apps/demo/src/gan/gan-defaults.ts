import type { GanVariant } from './gan-variants';

/**
 * The default run of `pnpm demo`, chosen by measurement on a 2-core machine with the WASM backend so
 * that it finishes in a few minutes and ends with digits a person reads at a glance (see README).
 */
export const ganDefaults = {
  /** 2,000 steps of the default model: a little less time than the MLP GANs take for 30 (`--epochs 30` for those). */
  epochs: 16,
  batchSize: 64,
  model: 'cdcgan-bn' as GanVariant,
  learningRate: 7e-4,
  emaDecay: 0.995,
  /** Top-k training off: G learns from every fake (0.75 was measured: within the noise, see README). */
  generatorTopFraction: 1,
  seed: 1,
  out: 'out',
} as const;
