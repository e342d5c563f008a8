import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnist } from '../src/node';
import { toTensors } from '../src/tfjs';

beforeAll(async () => {
  await initBackend('cpu');
});

describe("toTensors(datasetOrBatch, { oneHot }) from '@dlkit/mnist/tfjs'", () => {
  test('a dataset becomes [n, 784] float32 images and [n] int32 labels with the same values', async () => {
    const data = await loadMnist({ limit: 6, normalize: '[-1,1]' });
    const before = tf.memory().numTensors;
    const { images, labels } = toTensors(data);
    expect(tf.memory().numTensors).toBe(before + 2);
    expect(images.shape).toEqual([6, 784]);
    expect(images.dtype).toBe('float32');
    expect(labels.shape).toEqual([6]);
    expect(labels.dtype).toBe('int32');
    expect(images.dataSync()).toEqual(data.images);
    expect(Array.from(labels.dataSync())).toEqual(Array.from(data.labels));
    images.dispose();
    labels.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a batch with oneHot becomes [n, 784] and [n, 10] one-hot; nothing leaks', async () => {
    const data = await loadMnist({ limit: 20 });
    const [batch] = data.batches(8, { shuffle: true, seed: 3 });
    const before = tf.memory().numTensors;
    const { images, labels } = toTensors(batch!, { oneHot: true });
    expect(images.shape).toEqual([8, 784]);
    expect(labels.shape).toEqual([8, 10]);
    expect(labels.dtype).toBe('float32');
    const hot = labels.arraySync();
    hot.forEach((row, i) => {
      expect(row.indexOf(1)).toBe(batch!.labels[i]);
      expect(row.reduce((a, b) => a + b)).toBe(1);
    });
    tf.dispose([images, labels]);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('an empty dataset gives [0, 784]; a malformed batch is refused without making tensors', async () => {
    const empty = (await loadMnist({ limit: 1 })).firstPerClass(0);
    const { images, labels } = toTensors(empty);
    expect(images.shape).toEqual([0, 784]);
    expect(labels.shape).toEqual([0]);
    tf.dispose([images, labels]);
    const before = tf.memory().numTensors;
    expect(() => toTensors({ images: new Float32Array(10), labels: new Uint8Array(3), count: 3 })).toThrow(
      'toTensors: expected 3 labels and 3 images of equal size, found 3 labels and 10 pixels',
    );
    expect(() => toTensors({ images: [1], labels: [1], count: 1 } as never)).toThrow('expected an MnistDataset or MnistBatch');
    expect(tf.memory().numTensors).toBe(before);
  });
});
