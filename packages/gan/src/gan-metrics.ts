import * as tf from '@tensorflow/tfjs-core';
import { type FeatureStatistics, featureStatistics } from './feature-statistics';
import { frechetDistance } from './frechet-distance';
import { GanError } from './gan-error';
import type { GanTrainer } from './gan-trainer';
import { isolatedPixels } from './isolated-pixels';
import { loadMnistClassifier, type MnistClassifier } from './mnist-classifier';
import { mnistScore } from './mnist-score';
import { strayInk } from './stray-ink';
import type { GanEpochEvaluator, GanImages } from './train-gan';

/** FID, MNIST score and speckle of a set of images. */
export interface GanQuality {
  /** Classifier-feature Fréchet distance to the reference digits (0 = same statistics). */
  fid: number;
  /** MNIST score (1 … 10). */
  mnistScore: number;
  /** Speckle: mean pixels of ink per image outside its largest blob (see `strayInk`; real MNIST ≈ 0.2). */
  strayInk: number;
  /** Single-pixel specks: mean bright pixels per image with no ink around them (see `isolatedPixels`; real MNIST ≈ 0.002). */
  isolatedPixels: number;
}

/** Options of createGanMetrics: the reference set is required, the rest optional. */
export interface GanMetricsOptions {
  /** Default: the classifier shipped with this package (loaded here, freed by `metrics.dispose()`). */
  classifier?: MnistClassifier;
  /**
   * Real digits in [−1, 1] whose feature statistics FID compares against (an MnistDataset fits); its first
   * `sampleCount` are used. The usual one: `loadReferenceDigits()` from @dlkit/mnist, the first 1,000 digits
   * of its embedded test split, which the GAN never trains on.
   */
  reference: GanImages;
  /** Images per measurement: the first this many reference digits, and this many generated (default 1000). */
  sampleCount?: number;
  /** Seed of the generated noise, fixed so epochs are compared on the same z (default 20260101). */
  seed?: number;
}

/** Scores GANs and image sets against a reference set; pass it to trainGan as `metrics` to score each epoch. */
export interface GanMetrics extends GanEpochEvaluator {
  readonly sampleCount: number;
  /** FID, MNIST score, stray ink and isolated pixels of `sampleCount` images the trainer generates from the fixed seed. */
  evaluate(trainer: GanTrainer): Promise<GanQuality>;
  /** FID (against the reference), MNIST score, stray ink and isolated pixels of any images in [−1, 1]. */
  measure(images: GanImages): GanQuality;
  /** Frees the classifier if these metrics loaded it (one passed in stays the caller's). */
  dispose(): void;
}

const chunk = 500;

/**
 * Prepares FID and MNIST-score measurement: runs the classifier (by default the shipped one) over the
 * reference digits once and keeps their feature mean and covariance (float64).
 *
 * @example
 * import { loadReferenceDigits } from '@dlkit/mnist';
 * const metrics = await createGanMetrics({ reference: await loadReferenceDigits() });
 */
export async function createGanMetrics(options: GanMetricsOptions): Promise<GanMetrics> {
  const { sampleCount = 1000, seed = 20260101, reference } = options ?? {};
  if (reference === undefined) {
    throw new GanError(
      "createGanMetrics: options.reference is required: the real digits in [−1, 1] that FID compares against, e.g. loadReferenceDigits() from '@dlkit/mnist'",
      { kind: 'input' },
    );
  }
  if (!Number.isInteger(sampleCount) || sampleCount < 2)
    throw new GanError(`createGanMetrics: sampleCount must be an integer ≥ 2, found ${sampleCount}`, { kind: 'input' });
  const ownsClassifier = options.classifier === undefined;
  const classifier = options.classifier ?? (await loadMnistClassifier());
  const pixels = classifier.inputSize;
  const side = Math.sqrt(pixels); // the classifier's digits are square (28 × 28)
  let referenceStats: FeatureStatistics;
  try {
    if (!(reference.images instanceof Float32Array) || reference.images.length !== reference.count * pixels) {
      throw new GanError(
        `createGanMetrics: reference must hold count × ${pixels} pixels, found ${reference.images?.length} for count ${reference.count}`,
        { kind: 'input' },
      );
    }
    const referenceCount = Math.min(sampleCount, reference.count);
    if (referenceCount < 2)
      throw new GanError(`createGanMetrics: the reference needs at least 2 images, found ${reference.count}`, { kind: 'input' });
    referenceStats = classify(classifier, reference.images.subarray(0, referenceCount * pixels), referenceCount).stats;
  } catch (error) {
    if (ownsClassifier) classifier.dispose();
    throw error;
  }

  const measure = (images: GanImages): GanQuality => {
    if (images.images.length !== images.count * pixels || images.count < 2) {
      throw new GanError(
        `measure(images): expected count ≥ 2 images of ${pixels} pixels, found ${images.images.length} values for count ${images.count}`,
        { kind: 'input' },
      );
    }
    const { stats, probabilities } = classify(classifier, images.images, images.count);
    return {
      fid: frechetDistance(referenceStats, stats),
      mnistScore: mnistScore(probabilities, images.count),
      strayInk: strayInk(images.images, images.count, [side, side]),
      isolatedPixels: isolatedPixels(images.images, images.count, [side, side]),
    };
  };

  return {
    sampleCount,
    measure,
    dispose: () => {
      if (ownsClassifier) classifier.dispose();
    },
    async evaluate(trainer) {
      if (trainer.config.imageShape[0] * trainer.config.imageShape[1] !== pixels) {
        throw new GanError(
          `evaluate(trainer): the classifier takes ${pixels} pixels, the GAN makes ${trainer.config.imageShape.join('×')}`,
          { kind: 'input' },
        );
      }
      const images = new Float32Array(sampleCount * pixels);
      const noiseSeed = seed;
      for (let start = 0, part = 0; start < sampleCount; start += chunk, part++) {
        const n = Math.min(chunk, sampleCount - start);
        const generated = trainer.generate(n, { seed: noiseSeed + part });
        images.set(await generated.data(), start * pixels);
        generated.dispose();
      }
      return measure({ images, count: sampleCount });
    },
  };
}

/** Classifier features (as statistics) and probabilities of images, in chunks to bound memory. */
function classify(
  classifier: MnistClassifier,
  images: Float32Array,
  count: number,
): { stats: FeatureStatistics; probabilities: Float32Array } {
  const pixels = classifier.inputSize;
  const features = new Float32Array(count * classifier.featureSize);
  const probabilities = new Float32Array(count * 10);
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    tf.tidy(() => {
      const result = classifier.classify(tf.tensor2d(images.subarray(start * pixels, (start + n) * pixels), [n, pixels]));
      features.set(result.features.dataSync(), start * classifier.featureSize);
      probabilities.set(result.probabilities.dataSync(), start * 10);
    });
  }
  return { stats: featureStatistics(features, count, classifier.featureSize), probabilities };
}
