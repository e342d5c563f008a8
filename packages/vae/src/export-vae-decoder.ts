import * as tf from '@tensorflow/tfjs-core';
import { denseLayer, type KerasSequential, reshapeLayer, sequential } from './_keras-layers';
import { VaeModel } from './_vae-model';
import { VaeTrainerState } from './_vae-trainer';
import type { Vae } from './create-vae';
import { VaeError } from './vae-error';

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

/** Options of exportVaeDecoder. */
export interface ExportVaeDecoderOptions {
  /**
   * 'probabilities' (default): pixel probabilities in [0, 1], what `vae.sample` returns for the same z
   * (a sigmoid output layer); 'logits': the Bernoulli logits `vae.decode` returns.
   */
  output?: 'probabilities' | 'logits';
  /**
   * [height, width] with height × width = inputSize: the model ends in a Reshape to [height, width, 1]
   * (images, as Keras' image layers take them). Without it the output is [batch, inputSize].
   */
  imageShape?: [number, number];
}

/**
 * The VAE's decoder as a tfjs layers model (a Keras Sequential topology plus its weights), in memory:
 * no file system, so it works in browsers too. The model maps z `[batch, latentSize]` through Dense
 * layers (ReLU; `decoder_0`, `decoder_1`, …) and a last Dense (`decoder_out`, sigmoid or linear) to
 * `[batch, inputSize]`, or `[batch, height, width, 1]` with `imageShape`. For a trainer, pass `trainer.vae`.
 * The weights are read from copies taken when called: a training step meanwhile does not change them.
 * Creates no lasting tensors. A disposed VAE, something else, or bad options throw a VaeError (kind 'input').
 * @example
 * const artifacts = await exportVaeDecoder(vae, { imageShape: [28, 28] });
 * const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts)); // @tensorflow/tfjs-layers
 * const digits = model.predict(tf.randomNormal([16, vae.config.latentSize])); // [16, 28, 28, 1] in [0, 1]
 */
export async function exportVaeDecoder(vae: Vae, options: ExportVaeDecoderOptions = {}): Promise<LayersModelArtifacts> {
  if (!(vae instanceof VaeModel)) {
    const hint = vae instanceof VaeTrainerState ? 'a VaeTrainer (pass trainer.vae)' : describe(vae);
    throw new VaeError(`exportVaeDecoder: expected a Vae from createVae or a VaeTrainer's .vae, found ${hint}`);
  }
  if (vae.isDisposed) throw new VaeError('exportVaeDecoder: this VAE has been disposed');
  const { output = 'probabilities', imageShape } = options ?? {};
  if (output !== 'probabilities' && output !== 'logits') {
    throw new VaeError(`exportVaeDecoder: output must be 'probabilities' or 'logits', found ${describe(output)}`);
  }
  const { inputSize, latentSize } = vae.config;
  if (imageShape !== undefined) {
    const valid =
      Array.isArray(imageShape) && imageShape.length === 2 && imageShape.every((side) => Number.isSafeInteger(side) && side > 0);
    if (!valid || imageShape[0] * imageShape[1] !== inputSize) {
      throw new VaeError(
        `exportVaeDecoder: imageShape must be [height, width] with height × width = inputSize ${inputSize}, found ${JSON.stringify(imageShape)}`,
      );
    }
  }
  const layers = vae.decoderLayers.map((layer, i) => denseLayer(`decoder_${i}`, layer.bias.shape[0], 'relu'));
  layers.push(denseLayer('decoder_out', inputSize, output === 'logits' ? 'linear' : 'sigmoid'));
  if (imageShape) layers.push(reshapeLayer('image', [...imageShape, 1]));
  const modelTopology = sequential('vae_decoder', latentSize, layers);
  // Our weights are [in, out], Keras' Dense kernel layout, so they go as they are.
  const named = [...vae.decoderLayers.map((layer, i) => [`decoder_${i}`, layer] as const), ['decoder_out', vae.decoderOut] as const];
  const weights = named.flatMap(([name, layer]) => [
    { name: `${name}/kernel`, tensor: tf.clone(layer.weights) },
    { name: `${name}/bias`, tensor: tf.clone(layer.bias) },
  ]);
  try {
    const { data, specs } = await tf.io.encodeWeights(weights);
    return { modelTopology, format: 'layers-model', generatedBy: '@dlkit/vae', convertedBy: null, weightSpecs: specs, weightData: data };
  } finally {
    tf.dispose(weights.map(({ tensor }) => tensor));
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === null || typeof value !== 'object') return String(value);
  const name = (value as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'another object';
}
