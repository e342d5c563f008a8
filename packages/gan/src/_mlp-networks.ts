import { denseByColumns } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import type { GanConfig } from './gan-config';
import { createParameter, type NamedParameter, type Network, seededDropout } from './_network';

/** The reference MLP generator: z → units… (LeakyReLU) → pixels (tanh), samples in columns (WASM's fastest layout). */
export function createMlpGenerator(config: GanConfig): Network {
  const widths = [config.latentDim, ...config.generatorUnits, config.imageShape[0] * config.imageShape[1]];
  const parameters = denseParameters('generator', widths, config.seed, 0);
  const last = widths.length - 2;
  return {
    parameters,
    samplesIn: 'columns',
    apply: (x) =>
      tf.tidy(() => {
        let h: tf.Tensor2D = x;
        for (let i = 0; i <= last; i++) {
          const activation = i === last ? 'tanh' : 'leakyRelu';
          h = denseByColumns(h, weight(parameters, i), bias(parameters, i), { activation, leakyAlpha: config.leakyAlpha });
        }
        return h;
      }),
  };
}

/** The reference MLP discriminator: pixels → units… (LeakyReLU, dropout but after the last) → one logit, samples in columns. */
export function createMlpDiscriminator(config: GanConfig): Network {
  const widths = [config.imageShape[0] * config.imageShape[1], ...config.discriminatorUnits, 1];
  const parameters = denseParameters('discriminator', widths, config.seed, 1000);
  const last = widths.length - 2;
  return {
    parameters,
    samplesIn: 'columns',
    apply: (x, dropoutSeed) =>
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
