import type { GeneratorNormalization } from './_batch-normalization';
import { GanError } from './gan-error';

/** Which architecture the generator and discriminator use. */
export type GanModel = 'mlp' | 'dcgan';

/** Everything that defines a GAN and its training; the defaults are the seed's reference MLP GAN. */
export interface GanConfig {
  /** 'mlp' (the reference Keras MNIST GAN) or 'dcgan' (transposed convolutions up, strided convolutions down). */
  model: GanModel;
  /** Image height and width; 'dcgan' needs both divisible by 4. */
  imageShape: [number, number];
  /** Length of the generator's noise vector z. */
  latentDim: number;
  /** MLP generator hidden widths, z → … → image. */
  generatorUnits: number[];
  /** MLP discriminator hidden widths, image → … → 1. */
  discriminatorUnits: number[];
  /** DCGAN generator channels: [at 1/4 size, at 1/2 size]. */
  generatorChannels: [number, number];
  /** DCGAN discriminator channels: [at 1/2 size, at 1/4 size]. */
  discriminatorChannels: [number, number];
  /** DCGAN kernel size. */
  kernelSize: number;
  /**
   * 'dcgan' only: the generator's output layer is low-pass filtered before its tanh, by the binomial filter
   * [1, 2, 1]ᵀ[1, 2, 1] / 16 folded into its kernel (so a (k + 2)² transposed convolution of the same
   * weights), the anti-aliasing filter after upsampling of StyleGAN (Karras et al. 2019) and Zhang (2019).
   * The image's logits then carry no component at the highest spatial frequency (no checkerboard
   * artefacts); tanh keeps the strokes sharp. false = the plain DCGAN.
   */
  generatorLowPass: boolean;
  /**
   * 'batch': every hidden layer of the generator is batch-normalized before its activation (and has no
   * bias), as in the DCGAN paper; training normalizes with each batch's statistics, sampling with those
   * of a fixed reference batch of noise through the same weights (so a sample does not depend on the
   * others it is drawn with, and the EMA's weights get their own). 'none': the reference.
   */
  generatorNormalization: GeneratorNormalization;
  /** Slope of LeakyReLU for negative inputs. */
  leakyAlpha: number;
  /** Discriminator dropout rate (after every hidden layer but the last, as in the reference). */
  dropout: number;
  /** Adam's learning rate of the generator, and of the discriminator unless discriminatorLearningRate is set. */
  learningRate: number;
  /** The discriminator's own learning rate (two time-scale updates, TTUR); null = learningRate. */
  discriminatorLearningRate: number | null;
  beta1: number;
  beta2: number;
  epsilon: number;
  batchSize: number;
  /**
   * The generator's step scores the fakes the discriminator's step just trained on, through the updated
   * discriminator, as PyTorch's DCGAN example does, instead of a fresh batch of noise (the reference,
   * as in the Keras MNIST GAN): one generator forward pass fewer per step.
   */
  reuseFakes: boolean;
  /**
   * Top-k training (Sinha et al. 2020): the generator's loss counts only this fraction of its fakes, the
   * ones the discriminator rates most real (round(fraction × batch), at least one); the rest, which D
   * already rejects, give no gradient. 1 = every fake (the reference); the paper uses 0.5–0.75.
   */
  generatorTopFraction: number;
  /** One-sided label smoothing: real images are labelled 1 − labelSmoothing (0 = off; 0.1 is common). */
  labelSmoothing: number;
  /**
   * β of an exponential moving average of the generator's weights over the training steps, bias-corrected
   * as Adam's moments are (so the initial weights never count): after step n it is
   * Σ_k (1 − β)·β^(n−k)·w_k / (1 − β^n). When > 0, `generate` (so the metrics and sample grids) and
   * `exportGenerator` use the averaged generator. 0 = off (the reference); the window is about
   * 1 / (1 − β) steps (0.999 is common in the literature for long runs).
   */
  emaDecay: number;
  /**
   * Class-conditional GAN (cGAN, Mirza & Osindero 2014) when > 0: every sample's class, one of `classCount`,
   * goes into both networks as a one-hot vector: after the noise into the generator; after the pixels into
   * the MLP discriminator's first layer, and projected onto the DCGAN discriminator's last features
   * (Miyato & Koyama 2018). Training then needs the images' labels; the fakes' classes are drawn uniformly,
   * and `generate` takes classes in turn (0, 1, …) unless given. 0 = unconditional (the reference).
   */
  classCount: number;
  /** Seeds weights, noise, dropout and shuffling: same seed, same backend → same run. */
  seed: number;
}

/** The seed's reference MLP GAN: z(100)→256→512→1024→784, 784→1024→512→256→1, Adam 2e-4 β1 0.5, batch 128. */
export const defaultGanConfig: Readonly<GanConfig> = Object.freeze({
  model: 'mlp',
  imageShape: [28, 28],
  latentDim: 100,
  generatorUnits: [256, 512, 1024],
  discriminatorUnits: [1024, 512, 256],
  generatorChannels: [64, 32],
  discriminatorChannels: [32, 64],
  kernelSize: 5,
  generatorLowPass: false,
  generatorNormalization: 'none',
  leakyAlpha: 0.2,
  dropout: 0.3,
  learningRate: 2e-4,
  discriminatorLearningRate: null,
  beta1: 0.5,
  beta2: 0.999,
  epsilon: 1e-7,
  batchSize: 128,
  reuseFakes: false,
  generatorTopFraction: 1,
  labelSmoothing: 0,
  emaDecay: 0,
  classCount: 0,
  seed: 0,
}) as GanConfig;

/** Fills in defaults and checks every field; throws one GanError naming the bad field, expected and found. */
export function resolveGanConfig(config: Partial<GanConfig> = {}): GanConfig {
  const known = new Set(Object.keys(defaultGanConfig));
  for (const key of Object.keys(config)) {
    if (!known.has(key)) fail(`unknown option '${key}': expected one of ${[...known].join(', ')}`);
  }
  const defined = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
  const resolved: GanConfig = {
    ...defaultGanConfig,
    ...defined,
    imageShape: [...(config.imageShape ?? defaultGanConfig.imageShape)] as [number, number],
    generatorUnits: [...(config.generatorUnits ?? defaultGanConfig.generatorUnits)],
    discriminatorUnits: [...(config.discriminatorUnits ?? defaultGanConfig.discriminatorUnits)],
    generatorChannels: [...(config.generatorChannels ?? defaultGanConfig.generatorChannels)] as [number, number],
    discriminatorChannels: [...(config.discriminatorChannels ?? defaultGanConfig.discriminatorChannels)] as [number, number],
  };
  if (resolved.model !== 'mlp' && resolved.model !== 'dcgan') fail(`model must be 'mlp' or 'dcgan', found ${String(resolved.model)}`);
  if (resolved.generatorNormalization !== 'none' && resolved.generatorNormalization !== 'batch') {
    fail(`generatorNormalization must be 'none' or 'batch', found ${String(resolved.generatorNormalization)}`);
  }
  checkIntegers('imageShape', resolved.imageShape, 2, 2);
  checkInteger('latentDim', resolved.latentDim, 1);
  checkIntegers('generatorUnits', resolved.generatorUnits, 0);
  checkIntegers('discriminatorUnits', resolved.discriminatorUnits, 0);
  checkIntegers('generatorChannels', resolved.generatorChannels, 2, 2);
  checkIntegers('discriminatorChannels', resolved.discriminatorChannels, 2, 2);
  checkInteger('kernelSize', resolved.kernelSize, 1);
  if (typeof resolved.reuseFakes !== 'boolean') fail(`reuseFakes must be true or false, found ${String(resolved.reuseFakes)}`);
  if (typeof resolved.generatorLowPass !== 'boolean')
    fail(`generatorLowPass must be true or false, found ${String(resolved.generatorLowPass)}`);
  if (resolved.generatorLowPass && resolved.model !== 'dcgan') fail(`generatorLowPass needs model 'dcgan', found '${resolved.model}'`);
  checkInteger('batchSize', resolved.batchSize, 1);
  checkRange('leakyAlpha', resolved.leakyAlpha, 0, 1, true);
  checkRange('dropout', resolved.dropout, 0, 1, false);
  if (!(typeof resolved.generatorTopFraction === 'number' && resolved.generatorTopFraction > 0 && resolved.generatorTopFraction <= 1)) {
    fail(`generatorTopFraction must be in (0, 1], found ${String(resolved.generatorTopFraction)}`);
  }
  checkRange('labelSmoothing', resolved.labelSmoothing, 0, 1, false);
  checkRange('emaDecay', resolved.emaDecay, 0, 1, false);
  if (!(Number.isInteger(resolved.classCount) && (resolved.classCount === 0 || resolved.classCount >= 2))) {
    fail(`classCount must be 0 (unconditional) or an integer ≥ 2, found ${String(resolved.classCount)}`);
  }
  checkRange('beta1', resolved.beta1, 0, 1, false);
  checkRange('beta2', resolved.beta2, 0, 1, false);
  checkPositive('learningRate', resolved.learningRate);
  if (resolved.discriminatorLearningRate !== null) checkPositive('discriminatorLearningRate', resolved.discriminatorLearningRate);
  checkPositive('epsilon', resolved.epsilon);
  if (!Number.isSafeInteger(resolved.seed)) fail(`seed must be an integer, found ${String(resolved.seed)}`);
  if (resolved.model === 'dcgan' && resolved.imageShape.some((side) => side % 4 !== 0)) {
    fail(`model 'dcgan' needs imageShape sides divisible by 4, found [${resolved.imageShape.join(', ')}]`);
  }
  return resolved;
}

function fail(message: string): never {
  throw new GanError(`invalid GAN config: ${message}`, { kind: 'config' });
}

function checkInteger(name: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    fail(`${name} must be an integer ≥ ${min}, found ${String(value)}`);
}

function checkIntegers(name: string, values: unknown, minLength: number, maxLength = Number.POSITIVE_INFINITY): void {
  if (!Array.isArray(values) || values.length < minLength || values.length > maxLength) {
    const length = minLength === maxLength ? `${minLength}` : `at least ${minLength}`;
    fail(`${name} must be an array of ${length} positive integers, found ${JSON.stringify(values)}`);
  }
  for (const value of values) checkInteger(`every entry of ${name}`, value, 1);
}

function checkRange(name: string, value: unknown, min: number, max: number, maxIncluded: boolean): void {
  const ok = typeof value === 'number' && value >= min && (maxIncluded ? value <= max : value < max);
  if (!ok) fail(`${name} must be in [${min}, ${max}${maxIncluded ? ']' : ')'}, found ${String(value)}`);
}

function checkPositive(name: string, value: unknown): void {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value))
    fail(`${name} must be a positive finite number, found ${String(value)}`);
}
