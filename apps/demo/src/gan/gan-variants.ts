import { defaultGanConfig, type GanConfig, type GanModel, type GeneratorNormalization } from '@dlkit/gan';

/**
 * What a demo GAN name fixes: the architecture, whether its generator is batch-normalized and, where it
 * is not the reference's, the MLP discriminator's hidden widths.
 */
export type GanVariantConfig = { model: GanModel; generatorNormalization: GeneratorNormalization; discriminatorUnits?: number[] };

export type GanVariant = 'mlp-bn-small-d' | 'mlp-bn' | 'mlp' | 'dcgan-bn' | 'dcgan';

/**
 * The GANs `--model` (and the page's Model menu) offer by name. 'mlp' is the assignment's reference
 * exactly; '-bn' adds batch normalization to the generator's hidden layers; '-small-d' gives the MLP
 * discriminator two hidden layers of 512 and 256 instead of 1024, 512 and 256 (a third of its
 * arithmetic, so more steps in the same time).
 */
export const ganVariants: Readonly<Record<GanVariant, Readonly<GanVariantConfig>>> = {
  'mlp-bn-small-d': { model: 'mlp', generatorNormalization: 'batch', discriminatorUnits: [512, 256] },
  'mlp-bn': { model: 'mlp', generatorNormalization: 'batch' },
  mlp: { model: 'mlp', generatorNormalization: 'none' },
  'dcgan-bn': { model: 'dcgan', generatorNormalization: 'batch' },
  dcgan: { model: 'dcgan', generatorNormalization: 'none' },
};

export const ganVariantNames = Object.keys(ganVariants) as GanVariant[];

/** The trainer config fields of a variant (fresh arrays, so a config never shares the table's). */
export function ganVariantConfig(variant: GanVariant): GanVariantConfig {
  const { discriminatorUnits, ...rest } = ganVariants[variant];
  return { ...rest, ...(discriminatorUnits ? { discriminatorUnits: [...discriminatorUnits] } : {}) };
}

/** Each name in a phrase, for --help and the page's menu. */
export const ganVariantDescriptions: Record<GanVariant, string> = {
  'mlp-bn-small-d': 'batch-normalized generator, smaller discriminator (784-512-256-1)',
  'mlp-bn': 'the reference MLP with a batch-normalized generator',
  mlp: "the assignment's reference MLP GAN",
  'dcgan-bn': 'convolutional, batch-normalized generator',
  dcgan: 'convolutional, no normalization',
};

type VariantFields = Pick<GanConfig, 'model'> & { generatorNormalization?: GeneratorNormalization; discriminatorUnits?: number[] };

/**
 * The demo name of a run's config (a config written before normalization existed is un-normalized); an
 * MLP whose discriminator is no variant's is named by its normalization alone.
 */
export function ganVariantOf(config: VariantFields): GanVariant {
  const normalization = config.generatorNormalization ?? 'none';
  const widths = (units?: number[]) => (units ?? defaultGanConfig.discriminatorUnits).join(',');
  // Same model and normalization, and (MLPs only) the same discriminator widths as asked.
  const matching = (discriminatorUnits: number[] | undefined) =>
    ganVariantNames.find((name) => {
      const variant = ganVariants[name];
      return (
        variant.model === config.model &&
        variant.generatorNormalization === normalization &&
        (config.model !== 'mlp' || widths(variant.discriminatorUnits) === widths(discriminatorUnits))
      );
    });
  return matching(config.discriminatorUnits) ?? matching(undefined)!;
}
