import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { initBackend } from '@dlkit/backend';
import { layersModelFiles, tempDir, watchFileWrites } from '@dlkit/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { createGanTrainer, GanError, saveGeneratorLayersModel } from '../src/node';
import { barImages, batchTensor, tinyConfig } from './_tiny';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

describe('saveGeneratorLayersModel(trainer, folder)', () => {
  test.each(['mlp', 'dcgan'] as const)(
    '%s: writes model.json and weights.bin that load back and draw the images generate draws',
    async (model) => {
      const folder = join(tempDir('gan-layers-'), 'nested', 'generator');
      const trainer = createGanTrainer({ ...tinyConfig, model, generatorChannels: [4, 3] });
      const real = batchTensor(barImages(16), 16, 64);
      trainer.step(real);
      const before = tf.memory().numTensors;
      const path = await saveGeneratorLayersModel(trainer, folder);
      expect(tf.memory().numTensors).toBe(before);
      expect(path).toBe(join(folder, 'model.json'));
      expect((await readdir(folder)).sort()).toEqual(['model.json', 'weights.bin']);
      const json = JSON.parse(await readFile(path, 'utf8'));
      expect(json.format).toBe('layers-model');
      expect(json.generatedBy).toBe('@dlkit/gan');
      expect(json.modelTopology.class_name).toBe('Sequential');
      expect(json.weightsManifest).toHaveLength(1);
      expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);

      const loaded = await loadLayersModel(layersModelFiles(path));
      const images = loaded.predict(tf.randomNormal([6, 8], 0, 1, 'float32', 3)) as tf.Tensor;
      const expected = trainer.generate(6, { seed: 3 });
      expect(images.shape).toEqual([6, 8, 8, 1]);
      expect(tf.tidy(() => tf.max(tf.abs(tf.sub(tf.reshape(images, [6, 64]), expected))).dataSync()[0]!)).toBeLessThanOrEqual(1e-5);
      tf.dispose([real, images, expected]);
      loaded.dispose();
      trainer.dispose();
    },
  );

  // That the files are written atomically, the weights first, is saveLayersModel's test (@dlkit/training).
  test('a failed write is a GanError of kind checkpoint naming the folder, and keeps the old files', async () => {
    const folder = tempDir('gan-layers-atomic-');
    const trainer = createGanTrainer(tinyConfig);
    await saveGeneratorLayersModel(trainer, folder);
    await writeFile(join(folder, 'weights.bin'), 'old weights');
    const writes = watchFileWrites();
    try {
      writes.failNextWrite('ENOSPC');
      const failure = saveGeneratorLayersModel(trainer, folder);
      await expect(failure).rejects.toThrow(
        new GanError(`saveGeneratorLayersModel: could not write ${folder}: ENOSPC: simulated write failure`, { kind: 'checkpoint' }),
      );
      await expect(failure).rejects.toMatchObject({ kind: 'checkpoint', cause: { code: 'ENOSPC' } });
    } finally {
      writes.restore();
    }
    expect(await readFile(join(folder, 'weights.bin'), 'utf8')).toBe('old weights');
    expect((await readdir(folder)).sort()).toEqual(['model.json', 'weights.bin']);
    trainer.dispose();
  });

  test('a disposed trainer is a GanError of kind input, and nothing is written', async () => {
    const folder = join(tempDir('gan-layers-disposed-'), 'out');
    const trainer = createGanTrainer(tinyConfig);
    trainer.dispose();
    await expect(saveGeneratorLayersModel(trainer, folder)).rejects.toThrow(
      new GanError('exportGenerator: this GanTrainer was disposed', { kind: 'input' }),
    );
    await expect(readdir(folder)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
