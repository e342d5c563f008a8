import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { initBackend } from '@dlkit/backend';
import { layersModelFiles, tempDir, watchFileWrites } from '@dlkit/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { denseLayer, type LayersModelArtifacts, layersModelArtifacts, sequentialTopology } from '../src/index';
import { saveLayersModel } from '../src/node';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

async function tinyArtifacts(): Promise<LayersModelArtifacts> {
  const weights = [
    { name: 'dense0/kernel', tensor: tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]) },
    { name: 'dense0/bias', tensor: tf.tensor1d([0.5, -0.5]) },
  ];
  const artifacts = await layersModelArtifacts(sequentialTopology('tiny', [3], [denseLayer('dense0', 2)]), weights, 'test');
  tf.dispose(weights.map(({ tensor }) => tensor));
  return artifacts;
}

describe('saveLayersModel(artifacts, folder) from @dlkit/training/node', () => {
  test('writes weights.bin and model.json, creating the folder; tfjs-layers loads them back', async () => {
    const folder = join(tempDir('training-layers-'), 'nested', 'model');
    const artifacts = await tinyArtifacts();
    const path = await saveLayersModel(artifacts, folder);
    expect(path).toBe(join(folder, 'model.json'));
    expect((await readdir(folder)).sort()).toEqual(['model.json', 'weights.bin']);
    const json = JSON.parse(await readFile(path, 'utf8'));
    expect(json).toEqual({
      modelTopology: artifacts.modelTopology,
      format: 'layers-model',
      generatedBy: 'test',
      convertedBy: null,
      weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
    });
    expect(new Uint8Array(await readFile(join(folder, 'weights.bin')))).toEqual(new Uint8Array(artifacts.weightData));
    const model = await loadLayersModel(layersModelFiles(path));
    const predicted = tf.tidy(() => Array.from((model.predict(tf.tensor2d([1, 0, -1], [1, 3])) as tf.Tensor).dataSync()));
    expect(predicted).toEqual([1 - 5 + 0.5, 2 - 6 - 0.5]);
    model.dispose();
  });

  test('writes each file atomically, the weights first; a failed write rejects with the file error and keeps the old files', async () => {
    const folder = tempDir('training-layers-atomic-');
    const artifacts = await tinyArtifacts();
    const writes = watchFileWrites();
    try {
      await saveLayersModel(artifacts, folder);
      expect(writes.steps).toEqual([
        'fsync',
        expect.stringMatching(/^rename .*weights\.bin\.\d+ → .*weights\.bin$/),
        'fsync',
        expect.stringMatching(/^rename .*model\.json\.\d+ → .*model\.json$/),
      ]);
      await writeFile(join(folder, 'weights.bin'), 'old weights');
      writes.failNextWrite('ENOSPC');
      await expect(saveLayersModel(artifacts, folder)).rejects.toMatchObject({
        code: 'ENOSPC',
        message: 'ENOSPC: simulated write failure',
      });
    } finally {
      writes.restore();
    }
    expect(await readFile(join(folder, 'weights.bin'), 'utf8')).toBe('old weights');
    expect((await readdir(folder)).sort()).toEqual(['model.json', 'weights.bin']);
  });
});
