import { defaultGanConfig, type GanConfig, type GeneratorNormalization } from '@dlkit/gan';

/**
 * The config fields that name a GAN; generatorNormalization and emaDecay are missing from older run
 * summaries (and discriminatorUnits from hand-written configs: the reference's).
 */
type NamedConfig = Pick<GanConfig, 'model'> & {
  generatorNormalization?: GeneratorNormalization;
  emaDecay?: number;
  generatorTopFraction?: number;
  discriminatorUnits?: number[];
  imageShape?: [number, number];
  classCount?: number;
};

/**
 * 'MLP GAN', 'DCGAN', 'MLP GAN (batch-normalized generator)', 'MLP GAN (batch-normalized generator,
 * discriminator 784-512-256-1)' when the MLP discriminator is not the reference's, 'class-conditional
 * MLP GAN (…)' when the digits' labels go into both networks (the discriminator's widths count pixels).
 */
export function ganArchitectureName(config: NamedConfig): string {
  const architecture = `${(config.classCount ?? 0) > 0 ? 'class-conditional ' : ''}${config.model === 'mlp' ? 'MLP GAN' : 'DCGAN'}`;
  const units = config.discriminatorUnits ?? defaultGanConfig.discriminatorUnits;
  const [height, width] = config.imageShape ?? defaultGanConfig.imageShape;
  const details = [
    ...(config.generatorNormalization === 'batch' ? ['batch-normalized generator'] : []),
    ...(config.model === 'mlp' && units.join(',') !== defaultGanConfig.discriminatorUnits.join(',')
      ? [`discriminator ${[height * width, ...units, 1].join('-')}`]
      : []),
  ];
  return details.length > 0 ? `${architecture} (${details.join(', ')})` : architecture;
}

/**
 * The GAN as the opening line and the report name it: 'DCGAN with an EMA generator (β 0.999)', 'MLP GAN',
 * '… and top-k training (0.75)'. A run summary written before the EMA (or top-k) existed has no emaDecay
 * (generatorTopFraction): the trained weights drew its samples (G learned from every fake).
 */
export function ganModelName(config: NamedConfig): string {
  const extras = [
    ...((config.emaDecay ?? 0) > 0 ? [`an EMA generator (β ${config.emaDecay})`] : []),
    ...((config.generatorTopFraction ?? 1) < 1 ? [`top-k training (${config.generatorTopFraction})`] : []),
  ];
  return `${ganArchitectureName(config)}${extras.length > 0 ? ` with ${extras.join(' and ')}` : ''}`;
}

/** Whether a run is the assignment's reference GAN: its MLPs, unconditional, no normalization, G learning from every fake. */
export function isReferenceGan(config: NamedConfig): boolean {
  return ganArchitectureName(config) === 'MLP GAN' && (config.generatorTopFraction ?? 1) === 1;
}

/** Which weights drew the samples and metrics, in words. */
export function ganSamplingWeights(config: { emaDecay?: number }): string {
  return (config.emaDecay ?? 0) > 0
    ? `an exponential moving average of the generator's weights over the steps (β ${config.emaDecay}, bias-corrected; about the last ${Math.round(1 / (1 - config.emaDecay!)).toLocaleString('en-US')} steps), not the last step's weights`
    : "the generator's weights after the last step (no moving average; --ema turns one on)";
}
