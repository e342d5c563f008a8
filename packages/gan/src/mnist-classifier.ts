import { platform } from '#gan-platform';
import { dense } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { type ClassifierHeader, decodeClassifierFile } from './_classifier-file';
import { GanError } from './gan-error';

/** A small MNIST classifier whose penultimate layer serves as FID features and whose softmax gives the MNIST score. */
export interface MnistClassifier {
  /** Accuracy on @dlkit/mnist's embedded test split, as measured when it was trained. */
  readonly testAccuracy: number;
  /** Length of the feature vectors (the last hidden layer). */
  readonly featureSize: number;
  /** Pixels per image (784). */
  readonly inputSize: number;
  /** How it was trained, in words. */
  readonly trainedOn: string;
  /**
   * Features and class probabilities of [n, 784] images in [−1, 1] (the GAN's range). The caller
   * disposes both tensors.
   */
  classify(images: tf.Tensor2D): { features: tf.Tensor2D; probabilities: tf.Tensor2D };
  dispose(): void;
}

/**
 * Loads the classifier shipped with this package (trained by scripts/train-classifier.mjs on the
 * embedded MNIST training split), or one written the same way: from `source`, its bytes or a URL to
 * fetch them from. By default Node reads the package's asset, and a page fetches it from where its
 * bundler serves `new URL('../assets/mnist-classifier.bin', import.meta.url)`. In Node a string is a
 * file path (Node's loadMnistClassifier); elsewhere it is a URL.
 */
export async function loadMnistClassifier(source?: Uint8Array | ArrayBuffer | URL | string): Promise<MnistClassifier> {
  let bytes: Uint8Array;
  let name: string;
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    bytes = source instanceof ArrayBuffer ? new Uint8Array(source) : source;
    name = 'the classifier bytes';
  } else if (source === undefined || source instanceof URL || typeof source === 'string') {
    name = source === undefined ? String(platform.classifierUrl()) : String(source);
    try {
      bytes = source === undefined ? await platform.classifierBytes() : await platform.fetchBytes(source);
    } catch (error) {
      const hint =
        source === undefined
          ? "; serve node_modules/@dlkit/gan/assets/ there (a bundler that does not copy new URL(…, import.meta.url) assets needs it), or pass the file's bytes or URL"
          : '';
      throw new GanError(
        `could not load the MNIST classifier from ${name}: ${error instanceof Error ? error.message : String(error)}${hint}`,
        {
          kind: 'input',
          cause: error,
        },
      );
    }
  } else {
    throw new GanError(`loadMnistClassifier: expected the classifier's bytes (Uint8Array, ArrayBuffer) or a URL, found ${typeof source}`, {
      kind: 'input',
    });
  }
  return classifierFromBytes(bytes, name);
}

/** A classifier from the bytes of its file; a GanError (kind 'input') naming `name` when they are not one. */
export function classifierFromBytes(bytes: Uint8Array, name: string): MnistClassifier {
  let decoded: ReturnType<typeof decodeClassifierFile>;
  try {
    decoded = decodeClassifierFile(bytes, name);
  } catch (error) {
    throw new GanError(error instanceof Error ? error.message : String(error), { kind: 'input' });
  }
  return new Classifier(decoded.header, decoded.values);
}

class Classifier implements MnistClassifier {
  readonly testAccuracy: number;
  readonly featureSize: number;
  readonly inputSize: number;
  readonly trainedOn: string;
  private readonly parameters: { weights: tf.Tensor2D; bias: tf.Tensor1D }[] = [];

  constructor(
    private readonly header: ClassifierHeader,
    values: Float32Array,
  ) {
    let offset = 0;
    for (const { inputs, outputs } of header.layers) {
      const weights = tf.tensor2d(values.subarray(offset, offset + inputs * outputs), [inputs, outputs]);
      offset += inputs * outputs;
      const bias = tf.tensor1d(values.subarray(offset, offset + outputs));
      offset += outputs;
      this.parameters.push({ weights, bias });
    }
    this.testAccuracy = header.testAccuracy;
    this.inputSize = header.layers[0]!.inputs;
    this.featureSize = header.layers.at(-1)!.inputs;
    this.trainedOn = header.trainedOn;
  }

  classify(images: tf.Tensor2D): { features: tf.Tensor2D; probabilities: tf.Tensor2D } {
    if (images.rank !== 2 || images.shape[1] !== this.inputSize) {
      throw new GanError(`classify(images): expected a [n, ${this.inputSize}] tensor, found [${images.shape.join(', ')}]`, {
        kind: 'input',
      });
    }
    return tf.tidy(() => {
      let h: tf.Tensor2D = images;
      const last = this.parameters.length - 1;
      let features = h;
      this.parameters.forEach(({ weights, bias }, i) => {
        if (i === last) features = h;
        h = dense(h, weights, bias, { activation: this.header.layers[i]!.activation });
      });
      return { features, probabilities: tf.softmax(h) };
    });
  }

  dispose(): void {
    for (const { weights, bias } of this.parameters) tf.dispose([weights, bias]);
  }
}
