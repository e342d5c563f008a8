import {
  denseLayer,
  type LayersModelArtifacts,
  layersModelArtifacts,
  reshapeLayer,
  sequentialTopology,
  varianceScaling,
} from '@dlkit/training';
import { VaeModel } from './_vae-model';
import { VaeTrainerState } from './_vae-trainer';
import type { Vae } from './create-vae';
import { VaeError } from './vae-error';

export type { LayersModelArtifacts } from '@dlkit/training';

// How a fresh copy of a Dense layer would start (the exported weights replace it): PyTorch's nn.Linear
// kernel, U(±1/√fanIn), is Keras' VarianceScaling with scale 1/3, fan_in, uniform. Keras has no bias
// initializer that knows the fan-in, so biases would start at zero.
const linearKernel = varianceScaling({ scale: 1 / 3, mode: 'fan_in', distribution: 'uniform' });

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
  const dense = (name: string, units: number, activation: 'relu' | 'sigmoid' | 'linear') =>
    denseLayer(name, units, { activation, kernelInitializer: linearKernel });
  const layers = vae.decoderLayers.map((layer, i) => dense(`decoder_${i}`, layer.bias.shape[0], 'relu'));
  layers.push(dense('decoder_out', inputSize, output === 'logits' ? 'linear' : 'sigmoid'));
  if (imageShape) layers.push(reshapeLayer('image', [...imageShape, 1]));
  // Our weights are [in, out], Keras' Dense kernel layout, so they go as they are.
  const named = [...vae.decoderLayers.map((layer, i) => [`decoder_${i}`, layer] as const), ['decoder_out', vae.decoderOut] as const];
  const weights = named.flatMap(([name, layer]) => [
    { name: `${name}/kernel`, tensor: layer.weights },
    { name: `${name}/bias`, tensor: layer.bias },
  ]);
  return layersModelArtifacts(sequentialTopology('vae_decoder', [latentSize], layers), weights, '@dlkit/vae');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === null || typeof value !== 'object') return String(value);
  const name = (value as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'another object';
}
