import type { GanConfig, GanModel, GeneratorNormalization } from '@dlkit/gan';

/** What a demo GAN name fixes: the architecture and whether its generator is batch-normalized. */
export type GanVariantConfig = { model: GanModel; generatorNormalization: GeneratorNormalization };

/**
 * The GANs `--model` (and the page's Model menu) offer by name. 'mlp' is the assignment's reference
 * exactly; '-bn' adds batch normalization to the generator's hidden layers.
 */
export const ganVariants = {
  'mlp-bn': { model: 'mlp', generatorNormalization: 'batch' },
  mlp: { model: 'mlp', generatorNormalization: 'none' },
  'dcgan-bn': { model: 'dcgan', generatorNormalization: 'batch' },
  dcgan: { model: 'dcgan', generatorNormalization: 'none' },
} as const satisfies Record<string, GanVariantConfig>;

export type GanVariant = keyof typeof ganVariants;

export const ganVariantNames = Object.keys(ganVariants) as GanVariant[];

/** Each name in a phrase, for --help and the page's menu. */
export const ganVariantDescriptions: Record<GanVariant, string> = {
  'mlp-bn': 'the reference MLP with a batch-normalized generator',
  mlp: "the assignment's reference MLP GAN",
  'dcgan-bn': 'convolutional, batch-normalized generator',
  dcgan: 'convolutional, no normalization',
};

/** The demo name of a run's config (a config written before normalization existed is un-normalized). */
export function ganVariantOf(config: Pick<GanConfig, 'model'> & { generatorNormalization?: GeneratorNormalization }): GanVariant {
  const normalized = config.generatorNormalization === 'batch';
  if (config.model === 'dcgan') return normalized ? 'dcgan-bn' : 'dcgan';
  return normalized ? 'mlp-bn' : 'mlp';
}
