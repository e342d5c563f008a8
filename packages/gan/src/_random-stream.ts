/**
 * The GAN's independent random streams (deriveSeed's `stream`), so weights, noise, dropout and shuffling
 * never share draws. The numbers are part of the checkpoint format: changing one changes resumed runs.
 */
export const randomStream = {
  /** generate()'s noise when no seed is given (index 0). */
  generateNoise: 0,
  weights: 1,
  discriminatorNoise: 2,
  generatorNoise: 3,
  discriminatorDropout: 4,
  generatorDropout: 5,
  shuffle: 6,
  /** Per layer (the index), from a step's dropout seed. */
  layerDropout: 7,
  /** The reference noise batch whose statistics a batch-normalized generator samples with (index 0). */
  normalizationNoise: 8,
  /** A class-conditional GAN's classes of the discriminator's fakes, and of the generator's, per step. */
  discriminatorClasses: 9,
  generatorClasses: 10,
} as const;
