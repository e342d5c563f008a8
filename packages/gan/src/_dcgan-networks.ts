import { dense } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import type { GanConfig } from './gan-config';
import { createParameter, type Network, seededDropout } from './_network';
import { convLayer, convTransposeLayer } from './_same-conv';

/**
 * DCGAN-style generator: z → dense to (H/4 × W/4 × c0) → transposed conv, stride 2, to (H/2 × W/2 × c1)
 * → transposed conv, stride 2, to (H × W × 1), tanh. LeakyReLU between.
 */
export function createDcganGenerator(config: GanConfig): Network {
  const [height, width] = config.imageShape;
  const [c0, c1] = config.generatorChannels;
  const k = config.kernelSize;
  const quarter = (height / 4) * (width / 4);
  const { seed } = config;
  const parameters = [
    createParameter('generator/dense0/kernel', [config.latentDim, quarter * c0], [config.latentDim, quarter * c0], seed, 2000),
    createParameter('generator/dense0/bias', [quarter * c0], 'zeros', seed, 0),
    // conv2dTranspose filters are [k, k, outChannels, inChannels].
    createParameter('generator/deconv1/kernel', [k, k, c1, c0], [k * k * c0, k * k * c1], seed, 2001),
    createParameter('generator/deconv1/bias', [c1], 'zeros', seed, 0),
    createParameter('generator/deconv2/kernel', [k, k, 1, c1], [k * k * c1, k * k], seed, 2002),
    createParameter('generator/deconv2/bias', [1], 'zeros', seed, 0),
  ];
  const v = (i: number) => parameters[i]!.variable;
  return {
    parameters,
    samplesIn: 'rows',
    apply: (z) =>
      tf.tidy(() => {
        const batch = z.shape[0];
        const h0 = dense(z, v(0) as tf.Tensor2D, v(1) as tf.Tensor1D, { activation: 'leakyRelu', leakyAlpha: config.leakyAlpha });
        const x0 = tf.reshape(h0, [batch, height / 4, width / 4, c0]) as tf.Tensor4D;
        const h1 = convTransposeLayer(x0, v(2) as tf.Tensor4D, v(3) as tf.Tensor1D, [batch, height / 2, width / 2, c1], 2, {
          activation: 'leakyRelu',
          leakyAlpha: config.leakyAlpha,
        });
        const x2 = convTransposeLayer(h1, v(4) as tf.Tensor4D, v(5) as tf.Tensor1D, [batch, height, width, 1], 2, { activation: 'tanh' });
        return tf.reshape(x2, [batch, height * width]) as tf.Tensor2D;
      }),
  };
}

/**
 * DCGAN-style discriminator: (H × W × 1) → conv, stride 2, c0 → conv, stride 2, c1 → dense to one
 * logit; LeakyReLU and dropout after each convolution.
 */
export function createDcganDiscriminator(config: GanConfig): Network {
  const [height, width] = config.imageShape;
  const [c0, c1] = config.discriminatorChannels;
  const k = config.kernelSize;
  const flat = (height / 4) * (width / 4) * c1;
  const { seed } = config;
  const parameters = [
    createParameter('discriminator/conv0/kernel', [k, k, 1, c0], [k * k, k * k * c0], seed, 3000),
    createParameter('discriminator/conv0/bias', [c0], 'zeros', seed, 0),
    createParameter('discriminator/conv1/kernel', [k, k, c0, c1], [k * k * c0, k * k * c1], seed, 3001),
    createParameter('discriminator/conv1/bias', [c1], 'zeros', seed, 0),
    createParameter('discriminator/dense2/kernel', [flat, 1], [flat, 1], seed, 3002),
    createParameter('discriminator/dense2/bias', [1], 'zeros', seed, 0),
  ];
  const v = (i: number) => parameters[i]!.variable;
  return {
    parameters,
    samplesIn: 'rows',
    apply: (x, dropoutSeed) =>
      tf.tidy(() => {
        const batch = x.shape[0];
        const image = tf.reshape(x, [batch, height, width, 1]) as tf.Tensor4D;
        const activation = { activation: 'leakyRelu', leakyAlpha: config.leakyAlpha } as const;
        const conv0 = convLayer(image, v(0) as tf.Tensor4D, v(1) as tf.Tensor1D, 2, activation);
        const h0 = seededDropout(conv0, config.dropout, dropoutSeed, 0);
        const conv1 = convLayer(h0, v(2) as tf.Tensor4D, v(3) as tf.Tensor1D, 2, activation);
        const h1 = seededDropout(conv1, config.dropout, dropoutSeed, 1);
        return dense(tf.reshape(h1, [batch, flat]) as tf.Tensor2D, v(4) as tf.Tensor2D, v(5) as tf.Tensor1D);
      }),
  };
}
