import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { denseLayer, layersModelArtifacts, leakyReluLayer, reshapeLayer, sequentialTopology } from '../src/index';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

const topology = sequentialTopology(
  'tiny',
  [3],
  [denseLayer('dense0', 4), leakyReluLayer('leaky_re_lu0', 0.1), reshapeLayer('image', [2, 2, 1])],
);

describe('layersModelArtifacts(topology, weights, generatedBy)', () => {
  test('tfjs-layers loads it, and it computes leakyRelu(x · kernel + bias) with the given weights', async () => {
    const kernel = tf.tensor2d([1, -2, 3, 0.5, -1, 2, 0, 1, 0.25, 0.5, -0.5, 1], [3, 4]);
    const bias = tf.tensor1d([0.1, -0.2, 0.3, -3]);
    const before = tf.memory().numTensors;
    const artifacts = await layersModelArtifacts(
      topology,
      [
        { name: 'dense0/kernel', tensor: kernel },
        { name: 'dense0/bias', tensor: bias },
      ],
      '@dlkit/training test',
    );
    expect(tf.memory().numTensors).toBe(before);
    expect([artifacts.format, artifacts.generatedBy, artifacts.convertedBy]).toEqual(['layers-model', '@dlkit/training test', null]);
    expect(artifacts.modelTopology).toBe(topology);
    expect(artifacts.weightSpecs).toEqual([
      { name: 'dense0/kernel', shape: [3, 4], dtype: 'float32' },
      { name: 'dense0/bias', shape: [4], dtype: 'float32' },
    ]);
    expect(artifacts.weightData.byteLength).toBe(4 * (12 + 4));

    const model = await loadLayersModel(tf.io.fromMemory(artifacts));
    const difference = tf.tidy(() => {
      const x = tf.tensor2d([1, 2, 3, -1, 0, 0.5], [2, 3]);
      const predicted = model.predict(x) as tf.Tensor;
      expect(predicted.shape).toEqual([2, 2, 2, 1]);
      const expected = tf.leakyRelu(tf.add(tf.matMul(x, kernel), bias), 0.1);
      return tf.max(tf.abs(tf.sub(tf.reshape(predicted, [2, 4]), expected))).dataSync()[0]!;
    });
    expect(difference).toBeLessThanOrEqual(1e-6);
    model.dispose();
    tf.dispose([kernel, bias]);
  });

  test('copies the weights when called: a change before the encoding resolves does not reach it', async () => {
    const kernel = tf.variable(tf.ones([3, 4]));
    const bias = tf.variable(tf.zeros([4]));
    const exporting = layersModelArtifacts(
      topology,
      [
        { name: 'dense0/kernel', tensor: kernel },
        { name: 'dense0/bias', tensor: bias },
      ],
      'test',
    );
    kernel.assign(tf.fill([3, 4], 5));
    const artifacts = await exporting;
    expect(Array.from(new Float32Array(artifacts.weightData).subarray(0, 12))).toEqual(new Array(12).fill(1));
    tf.dispose([kernel, bias]);
  });
});
