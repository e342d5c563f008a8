import { denseByColumns } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import type { GanConfig } from './gan-config';
import { keptStatistics, type NormalizationStatistics, normalizationPass } from './_batch-normalization';
import { createParameter, type NamedParameter, type Network, seededDropout } from './_network';

/**
 * The reference MLP generator: z → units… (LeakyReLU) → pixels (tanh), samples in columns (WASM's fastest
 * layout). With `generatorNormalization: 'batch'` every hidden layer is Dense (no bias) → BatchNorm → LeakyReLU.
 * A class-conditional one takes z followed by the class's one-hot vector.
 */
export function createMlpGenerator(config: GanConfig): Network {
  const widths = [config.latentDim + config.classCount, ...config.generatorUnits, config.imageShape[0] * config.imageShape[1]];
  const last = widths.length - 2;
  const normalized = (layer: number) => config.generatorNormalization === 'batch' && layer < last;
  const layers = widths.slice(1).map((units, i): GeneratorLayer => {
    const kernel = createParameter(`generator/dense${i}/kernel`, [widths[i]!, units], [widths[i]!, units], config.seed, i);
    if (!normalized(i)) return { kernel, bias: createParameter(`generator/dense${i}/bias`, [units], 'zeros', config.seed, 0) };
    // The normalization's beta is the layer's shift: a bias before it would be subtracted again.
    const gamma = createParameter(`generator/norm${i}/gamma`, [units], 'ones', config.seed, 0);
    return { kernel, gamma, beta: createParameter(`generator/norm${i}/beta`, [units], 'zeros', config.seed, 0) };
  });
  const parameters = layers.flatMap((layer) => ('bias' in layer ? [layer.kernel, layer.bias] : [layer.kernel, layer.gamma, layer.beta]));
  // Statistics: `given` ones (sampling), or the batch's, recorded in `seen` when asked (standing statistics), else training's.
  const forward = (x: tf.Tensor2D, given?: NormalizationStatistics[], seen?: NormalizationStatistics[]) => {
    let h = x;
    const normalize = normalizationPass(given, seen);
    layers.forEach((layer, i) => {
      const kernel = layer.kernel.variable as tf.Tensor as tf.Tensor2D;
      if ('bias' in layer) {
        const activation = i === last ? 'tanh' : 'leakyRelu';
        h = denseByColumns(h, kernel, layer.bias.variable as tf.Tensor as tf.Tensor1D, { activation, leakyAlpha: config.leakyAlpha });
        return;
      }
      const gamma = layer.gamma.variable as tf.Tensor as tf.Tensor1D;
      const beta = layer.beta.variable as tf.Tensor as tf.Tensor1D;
      // Samples are columns: statistics over axis 1, one per feature (row).
      const layout = { sampleAxes: [1], featureShape: [gamma.size, 1] };
      h = tf.leakyRelu(normalize(denseByColumns(h, kernel), gamma, beta, layout), config.leakyAlpha);
    });
    return h;
  };
  return {
    parameters,
    samplesIn: 'columns',
    apply: (x, options = {}) => tf.tidy(() => forward(x, options.statistics)),
    ...(config.generatorNormalization === 'batch'
      ? {
          statisticsOf: (x: tf.Tensor2D) => keptStatistics((seen) => forward(x, undefined, seen)),
        }
      : {}),
  };
}

/** A dense layer with its bias, or without one and followed by batch normalization. */
type GeneratorLayer =
  | { kernel: NamedParameter; bias: NamedParameter }
  | { kernel: NamedParameter; gamma: NamedParameter; beta: NamedParameter };

/**
 * The reference MLP discriminator: pixels → units… (LeakyReLU, dropout but after the last) → one logit,
 * samples in columns. A class-conditional one takes the pixels followed by the class's one-hot vector.
 */
export function createMlpDiscriminator(config: GanConfig): Network {
  const widths = [config.imageShape[0] * config.imageShape[1] + config.classCount, ...config.discriminatorUnits, 1];
  const parameters = denseParameters('discriminator', widths, config.seed, 1000);
  const last = widths.length - 2;
  return {
    parameters,
    samplesIn: 'columns',
    apply: (x, { dropoutSeed } = {}) =>
      tf.tidy(() => {
        let h: tf.Tensor2D = x;
        for (let i = 0; i <= last; i++) {
          h = denseByColumns(h, weight(parameters, i), bias(parameters, i), {
            activation: i === last ? 'linear' : 'leakyRelu',
            leakyAlpha: config.leakyAlpha,
          });
          if (i < last - 1) h = seededDropout(h, config.dropout, dropoutSeed, i);
        }
        return h;
      }),
  };
}

function denseParameters(prefix: string, widths: number[], seed: number, seedOffset: number): NamedParameter[] {
  const parameters: NamedParameter[] = [];
  for (let i = 0; i + 1 < widths.length; i++) {
    const fanIn = widths[i]!;
    const fanOut = widths[i + 1]!;
    parameters.push(createParameter(`${prefix}/dense${i}/kernel`, [fanIn, fanOut], [fanIn, fanOut], seed, seedOffset + i));
    parameters.push(createParameter(`${prefix}/dense${i}/bias`, [fanOut], 'zeros', seed, 0));
  }
  return parameters;
}

function weight(parameters: NamedParameter[], layer: number): tf.Tensor2D {
  return parameters[2 * layer]!.variable as tf.Tensor as tf.Tensor2D;
}

function bias(parameters: NamedParameter[], layer: number): tf.Tensor1D {
  return parameters[2 * layer + 1]!.variable as tf.Tensor as tf.Tensor1D;
}
