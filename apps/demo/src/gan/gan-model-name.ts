import type { GanConfig } from '@dlkit/gan';

/** 'MLP GAN' or 'DCGAN'. */
export function ganArchitectureName(config: Pick<GanConfig, 'model'>): string {
  return config.model === 'mlp' ? 'MLP GAN' : 'DCGAN';
}

/**
 * The GAN as the opening line and the report name it: 'DCGAN with an EMA generator (β 0.999)', 'MLP GAN'.
 * A run summary written before the EMA existed has no emaDecay: the trained weights drew its samples.
 */
export function ganModelName(config: Pick<GanConfig, 'model'> & { emaDecay?: number }): string {
  return `${ganArchitectureName(config)}${(config.emaDecay ?? 0) > 0 ? ` with an EMA generator (β ${config.emaDecay})` : ''}`;
}

/** Which weights drew the samples and metrics, in words. */
export function ganSamplingWeights(config: { emaDecay?: number }): string {
  return (config.emaDecay ?? 0) > 0
    ? `an exponential moving average of the generator's weights over the steps (β ${config.emaDecay}, bias-corrected; about the last ${Math.round(1 / (1 - config.emaDecay!)).toLocaleString('en-US')} steps), not the last step's weights`
    : "the generator's weights after the last step (no moving average; --ema turns one on)";
}
