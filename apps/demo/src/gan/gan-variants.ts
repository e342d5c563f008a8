import { defaultGanConfig, type GanConfig, type GanModel, type GeneratorNormalization } from '@dlkit/gan';

/**
 * What a demo GAN name fixes: the architecture, whether its generator is batch-normalized, where they are
 * not the reference's the MLP discriminator's hidden widths, and whether it is class-conditional.
 */
export type GanVariantConfig = {
  model: GanModel;
  generatorNormalization: GeneratorNormalization;
  discriminatorUnits?: number[];
  /** 10 (MNIST's digits) for a class-conditional GAN; absent: unconditional. */
  classCount?: number;
  /** The DCGAN's kernel size where it is not the library's 5. */
  kernelSize?: number;
  /** The discriminator's dropout where it is not the reference's 0.3. */
  dropout?: number;
  /** true: the generator's step scores the fakes the discriminator's step trained on (one G pass a step). */
  reuseFakes?: boolean;
};

export type GanVariant = 'cmlp-bn-small-d' | 'mlp-bn-small-d' | 'mlp-bn' | 'mlp' | 'cdcgan-bn' | 'dcgan-bn' | 'dcgan';

/**
 * The GANs `--model` (and the page's Model menu) offer by name. 'mlp' is the assignment's reference
 * exactly; '-bn' adds batch normalization to the generator's hidden layers; '-small-d' gives the MLP
 * discriminator two hidden layers of 512 and 256 instead of 1024, 512 and 256 (a third of its
 * arithmetic, so more steps in the same time); a leading 'c' makes it class-conditional (cGAN): each
 * digit's label goes into both networks, and the generator draws the digit it is asked for. The
 * default, 'cdcgan-bn', also trains its discriminator without dropout and its generator on the fakes the
 * discriminator's step has just seen (one generator pass a step): measured, cleaner strokes in less time.
 */
export const ganVariants: Readonly<Record<GanVariant, Readonly<GanVariantConfig>>> = {
  'cmlp-bn-small-d': { model: 'mlp', generatorNormalization: 'batch', discriminatorUnits: [512, 256], classCount: 10 },
  'mlp-bn-small-d': { model: 'mlp', generatorNormalization: 'batch', discriminatorUnits: [512, 256] },
  'mlp-bn': { model: 'mlp', generatorNormalization: 'batch' },
  mlp: { model: 'mlp', generatorNormalization: 'none' },
  'cdcgan-bn': { model: 'dcgan', generatorNormalization: 'batch', classCount: 10, kernelSize: 4, dropout: 0, reuseFakes: true },
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
  'cmlp-bn-small-d': "class-conditional (the digit's label goes into G and D), batch-normalized generator, smaller discriminator",
  'mlp-bn-small-d': 'batch-normalized generator, smaller discriminator (784-512-256-1)',
  'mlp-bn': 'the reference MLP with a batch-normalized generator',
  mlp: "the assignment's reference MLP GAN",
  'cdcgan-bn':
    "class-conditional (the digit's label goes into G and D) and convolutional (4×4 kernels), batch-normalized generator, no dropout in D, one G pass a step (G learns from D's fakes)",
  'dcgan-bn': 'convolutional, batch-normalized generator',
  dcgan: 'convolutional, no normalization',
};

type VariantFields = Pick<GanConfig, 'model'> & {
  generatorNormalization?: GeneratorNormalization;
  discriminatorUnits?: number[];
  classCount?: number;
};

/**
 * The demo name of a run's config (a config written before normalization or classes existed is
 * un-normalized and unconditional); a GAN that is no variant exactly is named by its model and
 * normalization alone.
 */
export function ganVariantOf(config: VariantFields): GanVariant {
  const normalization = config.generatorNormalization ?? 'none';
  const widths = (units?: number[]) => (units ?? defaultGanConfig.discriminatorUnits).join(',');
  const sameClasses = (variant: GanVariantConfig) => (variant.classCount ?? 0) === (config.classCount ?? 0);
  const sameWidths = (variant: GanVariantConfig, units: number[] | undefined) =>
    config.model !== 'mlp' || widths(variant.discriminatorUnits) === widths(units);
  // Same model and normalization, then as close as the table has: classes and widths, classes and the reference's widths, classes.
  const find = (fits: (variant: GanVariantConfig) => boolean) =>
    ganVariantNames.find((name) => {
      const variant = ganVariants[name];
      return variant.model === config.model && variant.generatorNormalization === normalization && fits(variant);
    });
  return (
    find((variant) => sameClasses(variant) && sameWidths(variant, config.discriminatorUnits)) ??
    find((variant) => sameClasses(variant) && sameWidths(variant, undefined)) ??
    find(sameClasses) ??
    find(() => true)!
  );
}
