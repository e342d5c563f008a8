import { initBackend } from '@dlkit/backend';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  activationLayer,
  batchNormalizationLayer,
  conv2dTransposeLayer,
  denseLayer,
  glorotUniform,
  leakyReluLayer,
  reshapeLayer,
  sequentialTopology,
  varianceScaling,
} from '../src/index';

beforeAll(async () => {
  await initBackend('cpu', { env: {} });
});

// The layer builders must write what tfjs-layers itself writes, key order included, so a model.json
// from dlkit reads like one from tfjs-layers (and tensorflowjs_converter takes it the same way).
describe('the layer builders and sequentialTopology', () => {
  test('make the topology tfjs-layers 4.22 serializes for the same layers, to the letter', () => {
    const theirs = tfl.sequential({
      name: 'model',
      layers: [
        tfl.layers.dense({ units: 4, inputShape: [3], kernelInitializer: 'glorotUniform', name: 'dense0' }),
        tfl.layers.leakyReLU({ alpha: 0.2, name: 'leaky_re_lu0' }),
        tfl.layers.dense({ units: 5, useBias: false, kernelInitializer: 'glorotUniform', name: 'dense_no_bias' }),
        tfl.layers.batchNormalization({ epsilon: 1e-5, name: 'norm0' }),
        tfl.layers.dense({
          units: 8,
          activation: 'tanh',
          kernelInitializer: tfl.initializers.varianceScaling({ scale: 1 / 3, mode: 'fanIn', distribution: 'uniform' }),
          name: 'dense1',
        }),
        tfl.layers.reshape({ targetShape: [2, 2, 2], name: 'reshape0' }),
        tfl.layers.conv2dTranspose({
          filters: 3,
          kernelSize: 5,
          strides: 2,
          padding: 'same',
          activation: 'relu',
          kernelInitializer: 'glorotUniform',
          name: 'deconv0',
        }),
        tfl.layers.conv2dTranspose({ filters: 2, kernelSize: 3, padding: 'valid', kernelInitializer: 'glorotUniform', name: 'deconv1' }),
        tfl.layers.activation({ activation: 'sigmoid', name: 'output' }),
      ],
    });
    const ours = sequentialTopology(
      'model',
      [3],
      [
        denseLayer('dense0', 4),
        leakyReluLayer('leaky_re_lu0', 0.2),
        denseLayer('dense_no_bias', 5, { useBias: false }),
        batchNormalizationLayer('norm0', { epsilon: 1e-5 }),
        denseLayer('dense1', 8, {
          activation: 'tanh',
          kernelInitializer: varianceScaling({ scale: 1 / 3, mode: 'fan_in', distribution: 'uniform' }),
        }),
        reshapeLayer('reshape0', [2, 2, 2]),
        conv2dTransposeLayer('deconv0', 3, 5, { strides: 2, activation: 'relu' }),
        conv2dTransposeLayer('deconv1', 2, 3, { padding: 'valid', kernelInitializer: glorotUniform }),
        activationLayer('output', 'sigmoid'),
      ],
    );
    expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs.toJSON(null, false)));
    theirs.dispose();
  });

  test('sequentialTopology(name, inputShape, layers) puts the input shape on the first layer only, and needs a layer', () => {
    const topology = sequentialTopology('m', [28, 28, 1], [reshapeLayer('flat', [784]), denseLayer('out', 10)]);
    expect(topology.config.layers.map((layer) => layer.config.batch_input_shape)).toEqual([[null, 28, 28, 1], undefined]);
    expect(() => sequentialTopology('empty', [3], [])).toThrow(
      new RangeError("sequentialTopology: the model 'empty' needs at least one layer"),
    );
  });
});
