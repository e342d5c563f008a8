import * as tf from '@tensorflow/tfjs-core';
import {
  conv2dTransposeLayer,
  denseLayer,
  glorotUniform,
  type KerasLayer,
  type KerasSequential,
  leakyReluLayer,
  reshapeLayer,
  sequential,
} from './_keras-layers';
import type { GanConfig } from './gan-config';
import { GanError } from './gan-error';
import { type GanTrainer, Trainer } from './gan-trainer';

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
 * The trainer's generator as a tfjs layers model (a Keras Sequential topology plus its weights), in
 * memory: no file system, so it works in browsers too. The model maps noise `[batch, latentDim]` to
 * images `[batch, height, width, 1]` in [−1, 1]: the pixels `trainer.generate` returns for the same
 * noise, reshaped. `'mlp'`: Dense → LeakyReLU, …, Dense (tanh) → Reshape; `'dcgan'`: Dense → LeakyReLU
 * → Reshape → Conv2DTranspose (stride 2, 'same') → LeakyReLU → Conv2DTranspose (stride 2, 'same', tanh).
 * The weights are read from copies taken when called: a training step meanwhile does not change them.
 * Creates no lasting tensors. A disposed trainer or something else throws a GanError (kind 'input').
 * @example
 * const artifacts = await exportGenerator(trainer);
 * const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts)); // @tensorflow/tfjs-layers
 * const images = model.predict(tf.randomNormal([16, trainer.config.latentDim])); // [16, 28, 28, 1]
 */
export async function exportGenerator(trainer: GanTrainer): Promise<LayersModelArtifacts> {
  if (!(trainer instanceof Trainer)) {
    throw new GanError(
      `exportGenerator: expected a GanTrainer from createGanTrainer, restoreGanTrainer or loadGanCheckpoint, found ${describe(trainer)}`,
      {
        kind: 'input',
      },
    );
  }
  if (trainer.isDisposed) throw new GanError('exportGenerator: this GanTrainer was disposed', { kind: 'input' });
  const modelTopology = generatorTopology(trainer.config);
  // Weight names drop the network prefix: 'generator/dense0/kernel' is the kernel of layer 'dense0'.
  const weights = trainer.generator.parameters.map(({ name, variable }) => ({
    name: name.replace(/^generator\//, ''),
    tensor: tf.clone(variable),
  }));
  try {
    const { data, specs } = await tf.io.encodeWeights(weights);
    return { modelTopology, format: 'layers-model', generatedBy: '@dlkit/gan', convertedBy: null, weightSpecs: specs, weightData: data };
  } finally {
    tf.dispose(weights.map(({ tensor }) => tensor));
  }
}

/** Layers named after the generator's parameters, so 'dense0/kernel' finds layer 'dense0'. */
function generatorTopology(config: GanConfig): KerasSequential {
  const [height, width] = config.imageShape;
  const layers: KerasLayer[] = [];
  if (config.model === 'mlp') {
    // Our kernels are already [in, out], Keras' Dense layout: the samples-in-columns layout transposes the activations, not them.
    const widths = [...config.generatorUnits, height * width];
    widths.forEach((units, i) => {
      const last = i === widths.length - 1;
      layers.push(denseLayer(`dense${i}`, units, last ? 'tanh' : 'linear', glorotUniform));
      if (!last) layers.push(leakyReluLayer(`leaky_re_lu${i}`, config.leakyAlpha));
    });
    layers.push(reshapeLayer('image', [height, width, 1]));
  } else {
    const [c0, c1] = config.generatorChannels;
    const k = config.kernelSize;
    layers.push(
      denseLayer('dense0', (height / 4) * (width / 4) * c0, 'linear', glorotUniform),
      leakyReluLayer('leaky_re_lu0', config.leakyAlpha),
      reshapeLayer('reshape0', [height / 4, width / 4, c0]),
      conv2dTransposeLayer('deconv1', c1, k, 2, 'linear', glorotUniform),
      leakyReluLayer('leaky_re_lu1', config.leakyAlpha),
      conv2dTransposeLayer('deconv2', 1, k, 2, 'tanh', glorotUniform),
    );
  }
  return sequential('generator', config.latentDim, layers);
}

function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  const name = (value as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'another object';
}
