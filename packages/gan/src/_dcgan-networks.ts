import { dense } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import type { GanConfig } from './gan-config';
import { keptStatistics, type NormalizationStatistics, type NormalizeLayer, normalizationPass } from './_batch-normalization';
import { lowPassKernel } from './_low-pass-kernel';
import { createParameter, type NamedParameter, type Network, seededDropout } from './_network';
import { convLayer, convTransposeLayer } from './_same-conv';

/**
 * DCGAN-style generator: z → dense to (H/4 × W/4 × c0) → transposed conv, stride 2, to (H/2 × W/2 × c1)
 * → transposed conv, stride 2, to (H × W × 1), tanh. LeakyReLU between; with `generatorNormalization:
 * 'batch'` the two hidden layers have no bias and are batch-normalized before it (per feature after the
 * dense layer, per channel after the transposed convolution), as in the DCGAN paper. A class-conditional
 * one takes z followed by the class's one-hot vector. With `generatorLowPass` the last layer's kernel is
 * low-pass filtered (see lowPassKernel).
 */
export function createDcganGenerator(config: GanConfig): Network {
  const [height, width] = config.imageShape;
  const [c0, c1] = config.generatorChannels;
  const k = config.kernelSize;
  const quarter = (height / 4) * (width / 4);
  const { seed } = config;
  const normalized = config.generatorNormalization === 'batch';
  // A hidden layer's bias, or the scale and shift of the batch normalization that replaces it.
  const hidden = (layer: string, norm: string, units: number): NamedParameter[] =>
    normalized
      ? [
          createParameter(`generator/${norm}/gamma`, [units], 'ones', seed, 0),
          createParameter(`generator/${norm}/beta`, [units], 'zeros', seed, 0),
        ]
      : [createParameter(`generator/${layer}/bias`, [units], 'zeros', seed, 0)];
  const inputs = config.latentDim + config.classCount;
  const dense0 = createParameter('generator/dense0/kernel', [inputs, quarter * c0], [inputs, quarter * c0], seed, 2000);
  const after0 = hidden('dense0', 'norm0', quarter * c0);
  // conv2dTranspose filters are [k, k, outChannels, inChannels].
  const deconv1 = createParameter('generator/deconv1/kernel', [k, k, c1, c0], [k * k * c0, k * k * c1], seed, 2001);
  const after1 = hidden('deconv1', 'norm1', c1);
  const deconv2 = [
    createParameter('generator/deconv2/kernel', [k, k, 1, c1], [k * k * c1, k * k], seed, 2002),
    createParameter('generator/deconv2/bias', [1], 'zeros', seed, 0),
  ];
  const parameters = [dense0, ...after0, deconv1, ...after1, ...deconv2];
  const value = <T extends tf.Tensor>(parameter: NamedParameter) => parameter.variable as tf.Tensor as T;
  const leaky = { activation: 'leakyRelu', leakyAlpha: config.leakyAlpha } as const;
  // Without normalization: bias and LeakyReLU fused into the layer. With it: a linear layer, then the
  // pass's batch normalization, then LeakyReLU.
  const finish = <T extends tf.Tensor>(h: T, after: NamedParameter[], sampleAxes: number[], normalize: NormalizeLayer): T => {
    if (!normalized) return h;
    const [gamma, beta] = after.map((parameter) => value<tf.Tensor1D>(parameter));
    const layout = { sampleAxes, featureShape: [...Array(h.rank - 1).fill(1), gamma!.size] };
    return tf.leakyRelu(normalize(h, gamma!, beta!, layout), config.leakyAlpha);
  };
  const forward = (z: tf.Tensor2D, given?: NormalizationStatistics[], seen?: NormalizationStatistics[]) => {
    const batch = z.shape[0];
    const normalize = normalizationPass(given, seen);
    const h0 = dense(z, value(dense0), normalized ? undefined : value<tf.Tensor1D>(after0[0]!), normalized ? {} : leaky);
    const x0 = tf.reshape(finish(h0, after0, [0], normalize), [batch, height / 4, width / 4, c0]) as tf.Tensor4D;
    const h1 = convTransposeLayer(
      x0,
      value(deconv1),
      normalized ? undefined : value<tf.Tensor1D>(after1[0]!),
      [batch, height / 2, width / 2, c1],
      2,
      normalized ? { activation: 'linear' } : leaky,
    );
    const x1 = finish(h1, after1, [0, 1, 2], normalize);
    const outputKernel = config.generatorLowPass ? lowPassKernel(value(deconv2[0]!)) : value<tf.Tensor4D>(deconv2[0]!);
    const x2 = convTransposeLayer(x1, outputKernel, value<tf.Tensor1D>(deconv2[1]!), [batch, height, width, 1], 2, {
      activation: 'tanh',
    });
    return tf.reshape(x2, [batch, height * width]) as tf.Tensor2D;
  };
  return {
    parameters,
    samplesIn: 'rows',
    apply: (z, options = {}) => tf.tidy(() => forward(z, options.statistics)),
    ...(normalized ? { statisticsOf: (z: tf.Tensor2D) => keptStatistics((seen) => forward(z, undefined, seen)) } : {}),
  };
}

/**
 * DCGAN-style discriminator: (H × W × 1) → conv, stride 2, c0 → conv, stride 2, c1 → dense to one
 * logit; LeakyReLU and dropout after each convolution. A class-conditional one takes the pixels followed by
 * the class's one-hot vector and adds the projection of its class's embedding onto the last features,
 * ⟨embed[class], features⟩ (the projection discriminator of Miyato & Koyama 2018): a one-hot vector
 * appended to those features would only shift the logit by a constant per class.
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
    ...(config.classCount > 0
      ? [createParameter('discriminator/embed/kernel', [config.classCount, flat], [config.classCount, flat], seed, 3003)]
      : []),
  ];
  const pixels = height * width;
  const v = (i: number) => parameters[i]!.variable;
  return {
    parameters,
    samplesIn: 'rows',
    apply: (x, { dropoutSeed } = {}) =>
      tf.tidy(() => {
        const batch = x.shape[0];
        const pixelsOf = config.classCount > 0 ? tf.slice(x, [0, 0], [batch, pixels]) : x;
        const image = tf.reshape(pixelsOf, [batch, height, width, 1]) as tf.Tensor4D;
        const activation = { activation: 'leakyRelu', leakyAlpha: config.leakyAlpha } as const;
        const conv0 = convLayer(image, v(0) as tf.Tensor4D, v(1) as tf.Tensor1D, 2, activation);
        const h0 = seededDropout(conv0, config.dropout, dropoutSeed, 0);
        const conv1 = convLayer(h0, v(2) as tf.Tensor4D, v(3) as tf.Tensor1D, 2, activation);
        const h1 = seededDropout(conv1, config.dropout, dropoutSeed, 1);
        const features = tf.reshape(h1, [batch, flat]) as tf.Tensor2D;
        const logits = dense(features, v(4) as tf.Tensor2D, v(5) as tf.Tensor1D);
        if (config.classCount === 0) return logits;
        const classes = tf.slice(x, [0, pixels], [batch, config.classCount]);
        const embedded = tf.matMul(classes, v(6) as tf.Tensor2D);
        return tf.add(logits, tf.sum(tf.mul(embedded, features), 1, true)) as tf.Tensor2D;
      }),
  };
}
