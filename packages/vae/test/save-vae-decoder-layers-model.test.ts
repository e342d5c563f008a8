import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { initBackend } from '@dlkit/backend';
import { layersModelFiles, tempDir, watchFileWrites } from '@dlkit/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { createVae, saveVaeDecoderLayersModel, VaeError } from '../src/node';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

const tiny = { inputSize: 16, hiddenSizes: [12], latentSize: 2, seed: 6 };

describe('saveVaeDecoderLayersModel(vae, folder, options?)', () => {
  test('writes model.json and weights.bin that load back and decode what the VAE decodes', async () => {
    const folder = join(tempDir('vae-layers-'), 'nested', 'decoder');
    const vae = createVae(tiny);
    const before = tf.memory().numTensors;
    const path = await saveVaeDecoderLayersModel(vae, folder, { imageShape: [4, 4] });
    expect(tf.memory().numTensors).toBe(before);
    expect(path).toBe(join(folder, 'model.json'));
    expect((await readdir(folder)).sort()).toEqual(['model.json', 'weights.bin']);
    const json = JSON.parse(await readFile(path, 'utf8'));
    expect([json.format, json.generatedBy, json.modelTopology.class_name]).toEqual(['layers-model', '@dlkit/vae', 'Sequential']);
    expect(json.weightsManifest).toEqual([{ paths: ['weights.bin'], weights: expect.any(Array) }]);

    const model = await loadLayersModel(layersModelFiles(path));
    const difference = tf.tidy(() => {
      const predicted = model.predict(tf.randomNormal([6, 2], 0, 1, 'float32', 3)) as tf.Tensor;
      expect(predicted.shape).toEqual([6, 4, 4, 1]);
      return tf.max(tf.abs(tf.sub(tf.reshape(predicted, [6, 16]), vae.sample(6, { seed: 3 })))).dataSync()[0]!;
    });
    expect(difference).toBeLessThanOrEqual(1e-5);
    model.dispose();
    vae.dispose();
  });

  // That the files are written atomically, the weights first, is saveLayersModel's test (@dlkit/training).
  test('a failed write is a VaeError naming the folder, and keeps the old files', async () => {
    const folder = tempDir('vae-layers-atomic-');
    const vae = createVae(tiny);
    await saveVaeDecoderLayersModel(vae, folder);
    await writeFile(join(folder, 'weights.bin'), 'old weights');
    const writes = watchFileWrites();
    try {
      writes.failNextWrite('ENOSPC');
      const failure = saveVaeDecoderLayersModel(vae, folder);
      await expect(failure).rejects.toThrow(
        new VaeError(`saveVaeDecoderLayersModel: could not write ${folder}: ENOSPC: simulated write failure`),
      );
      await expect(failure).rejects.toMatchObject({ kind: 'input', cause: { code: 'ENOSPC' } });
    } finally {
      writes.restore();
    }
    expect(await readFile(join(folder, 'weights.bin'), 'utf8')).toBe('old weights');
    expect((await readdir(folder)).sort()).toEqual(['model.json', 'weights.bin']);
    vae.dispose();
  });

  test('a disposed VAE or bad options are a VaeError, and nothing is written', async () => {
    const folder = join(tempDir('vae-layers-bad-'), 'out');
    const vae = createVae(tiny);
    await expect(saveVaeDecoderLayersModel(vae, folder, { imageShape: [3, 5] })).rejects.toThrow(VaeError);
    vae.dispose();
    await expect(saveVaeDecoderLayersModel(vae, folder)).rejects.toThrow('exportVaeDecoder: this VAE has been disposed');
    await expect(readdir(folder)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
