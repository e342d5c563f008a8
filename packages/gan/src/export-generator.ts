import * as tf from '@tensorflow/tfjs-core';
import {
  batchNormalizationLayer,
  conv2dTransposeLayer,
  denseLayer,
  type KerasLayer,
  type KerasSequential,
  type LayersModelArtifacts,
  layersModelArtifacts,
  leakyReluLayer,
  reshapeLayer,
  sequentialTopology,
} from '@dlkit/training';
import { batchNormEpsilon } from './_batch-normalization';
import { lowPassKernel } from './_low-pass-kernel';
import type { GanConfig } from './gan-config';
import { GanError } from './gan-error';
import { type GanTrainer, Trainer } from './gan-trainer';

export type { LayersModelArtifacts } from '@dlkit/training';

/**
 * The trainer's generator as a tfjs layers model (a Keras Sequential topology plus its weights), in
 * memory: no file system, so it works in browsers too. The model maps noise `[batch, latentDim]` to
 * images `[batch, height, width, 1]` in [−1, 1]: the pixels `trainer.generate` returns for the same
 * noise, reshaped. `'mlp'`: Dense → LeakyReLU, …, Dense (tanh) → Reshape (with `generatorNormalization:
 * 'batch'` each hidden Dense has no bias and a BatchNormalization layer follows it, whose moving mean and
 * variance are the generator's sampling statistics); `'dcgan'`: Dense → LeakyReLU
 * → Reshape → Conv2DTranspose (stride 2, 'same') → LeakyReLU → Conv2DTranspose (stride 2, 'same', tanh), whose
 * kernel with `generatorLowPass` is the low-pass-filtered one the generator uses (2 wider).
 * With `config.emaDecay` > 0 the weights are the moving average's, the generator `generate` uses. A
 * class-conditional generator's input is the noise followed by the class's one-hot vector,
 * `[batch, latentDim + classCount]`.
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
      { kind: 'input' },
    );
  }
  if (trainer.isDisposed) throw new GanError('exportGenerator: this GanTrainer was disposed', { kind: 'input' });
  // Weight names drop the network prefix: 'generator/dense0/kernel' is the kernel of layer 'dense0'.
  const generator = trainer.samplingGenerator;
  const weights = generator.parameters.map(({ name, variable }) => ({
    name: name.replace(/^generator\//, ''),
    tensor: variable as tf.Tensor,
  }));
  // A batch-normalized generator samples with standing statistics: they are its layers' moving mean and variance.
  const statistics = tf.tidy(() =>
    (trainer.standingStatistics(generator) ?? []).flatMap(({ mean, variance }) => [tf.reshape(mean, [-1]), tf.reshape(variance, [-1])]),
  );
  // A low-pass output layer is exported as the plain transposed convolution it equals, of the folded kernel.
  const output = weights.find(({ name }) => name === 'deconv2/kernel');
  const folded = trainer.config.generatorLowPass && output ? lowPassKernel(output.tensor as tf.Tensor4D) : undefined;
  if (output && folded) output.tensor = folded;
  try {
    const norms = weights.filter(({ name }) => name.endsWith('/gamma')).map(({ name }) => name.replace(/\/gamma$/, ''));
    norms.forEach((layer, i) => {
      // Keras orders a BatchNormalization layer's weights gamma, beta, moving_mean, moving_variance.
      const beta = weights.findIndex(({ name }) => name === `${layer}/beta`);
      weights.splice(
        beta + 1,
        0,
        { name: `${layer}/moving_mean`, tensor: statistics[2 * i]! },
        { name: `${layer}/moving_variance`, tensor: statistics[2 * i + 1]! },
      );
    });
    return await layersModelArtifacts(generatorTopology(trainer.config), weights, '@dlkit/gan');
  } finally {
    tf.dispose([...statistics, ...(folded ? [folded] : [])]);
  }
}

/** Layers named after the generator's parameters, so 'dense0/kernel' finds layer 'dense0'; kernels start as Glorot uniform, as ours do. */
function generatorTopology(config: GanConfig): KerasSequential {
  const [height, width] = config.imageShape;
  const layers: KerasLayer[] = [];
  if (config.model === 'mlp') {
    // Our kernels are already [in, out], Keras' Dense layout: the samples-in-columns layout transposes the activations, not them.
    const widths = [...config.generatorUnits, height * width];
    widths.forEach((units, i) => {
      const last = i === widths.length - 1;
      const normalized = !last && config.generatorNormalization === 'batch';
      layers.push(denseLayer(`dense${i}`, units, { activation: last ? 'tanh' : 'linear', useBias: !normalized }));
      if (normalized) layers.push(batchNormalizationLayer(`norm${i}`, { epsilon: batchNormEpsilon }));
      if (!last) layers.push(leakyReluLayer(`leaky_re_lu${i}`, config.leakyAlpha));
    });
    layers.push(reshapeLayer('image', [height, width, 1]));
  } else {
    const [c0, c1] = config.generatorChannels;
    const k = config.kernelSize;
    const normalized = config.generatorNormalization === 'batch';
    const norm = (i: number) => (normalized ? [batchNormalizationLayer(`norm${i}`, { epsilon: batchNormEpsilon })] : []);
    layers.push(
      denseLayer('dense0', (height / 4) * (width / 4) * c0, { useBias: !normalized }),
      ...norm(0),
      leakyReluLayer('leaky_re_lu0', config.leakyAlpha),
      reshapeLayer('reshape0', [height / 4, width / 4, c0]),
      conv2dTransposeLayer('deconv1', c1, k, { strides: 2, useBias: !normalized }),
      ...norm(1),
      leakyReluLayer('leaky_re_lu1', config.leakyAlpha),
      conv2dTransposeLayer('deconv2', 1, config.generatorLowPass ? k + 2 : k, { strides: 2, activation: 'tanh' }),
    );
  }
  return sequentialTopology('generator', [config.latentDim + config.classCount], layers);
}

function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  const name = (value as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'another object';
}
