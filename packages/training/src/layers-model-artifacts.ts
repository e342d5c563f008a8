import * as tf from '@tensorflow/tfjs-core';
import type { KerasSequential } from './keras-config';

/**
 * A tfjs layers model in memory (tfjs-core's `io.ModelArtifacts`, every field filled in): what
 * `tf.io.fromMemory` hands to `tf.loadLayersModel`, and what any tfjs save handler writes
 * (`tf.io.browserDownloads()`, `tf.io.http(url)`, `indexeddb://`).
 */
export interface LayersModelArtifacts extends tf.io.ModelArtifacts {
  /** A Keras Sequential topology, as tfjs-layers serializes it. */
  modelTopology: KerasSequential;
  format: 'layers-model';
  generatedBy: string;
  convertedBy: null;
  /** Names (`<layer>/kernel`, `<layer>/bias`), shapes and dtypes of the weights, in the order of `weightData`. */
  weightSpecs: tf.io.WeightsManifestEntry[];
  /** Every weight's float32 values, little-endian, one after another. */
  weightData: ArrayBuffer;
}

/**
 * A layers model from a topology and its weights, named `<layer>/kernel`, `<layer>/bias` as the topology's
 * layers are. The weights are copied when called, before anything is awaited, so a training step meanwhile
 * does not reach the result; the copies are disposed (no tensor outlives the call). `generatedBy` names the
 * package that made it. No file system: it works in browsers.
 * @example
 * const artifacts = await layersModelArtifacts(topology, [{ name: 'dense0/kernel', tensor: kernel }, { name: 'dense0/bias', tensor: bias }], '@my/model');
 * const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts)); // @tensorflow/tfjs-layers
 */
export async function layersModelArtifacts(
  modelTopology: KerasSequential,
  weights: readonly { name: string; tensor: tf.Tensor }[],
  generatedBy: string,
): Promise<LayersModelArtifacts> {
  const copies = weights.map(({ name, tensor }) => ({ name, tensor: tf.clone(tensor) }));
  try {
    const { data, specs } = await tf.io.encodeWeights(copies);
    return { modelTopology, format: 'layers-model', generatedBy, convertedBy: null, weightSpecs: specs, weightData: data };
  } finally {
    tf.dispose(copies.map(({ tensor }) => tensor));
  }
}
