import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { initBackend } from '@dlkit/backend';
import { tempDir, watchFileWrites } from '@dlkit/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createVaeTrainer, loadVaeCheckpoint, saveVaeCheckpoint, VaeError } from '../src/node';
import { config, train, trained, weightsOf } from './_tiny-vae-run';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

describe('saveVaeCheckpoint(trainer, path)', () => {
  test('fsyncs a temporary file and renames it over the checkpoint; a failed write keeps the old one', async () => {
    const dir = tempDir('vae-atomic-');
    const file = join(dir, 'vae.json');
    const trainer = createVaeTrainer({ inputSize: 16, hiddenSizes: [8], latentSize: 2, batchSize: 4, seed: 3 });
    await saveVaeCheckpoint(trainer, file);
    const before = await readFile(file, 'utf8');
    const batch = tf.fill([4, 16], 0.5) as tf.Tensor2D;
    trainer.step(batch);
    batch.dispose();
    const writes = watchFileWrites();
    try {
      await saveVaeCheckpoint(trainer, file);
      expect(writes.steps).toEqual(['fsync', expect.stringMatching(/^rename .*vae\.json\.\d+ → /)]);
      expect(await readFile(file, 'utf8')).not.toBe(before);
      await writeFile(file, before);
      writes.failNextWrite('ENOSPC');
      await expect(saveVaeCheckpoint(trainer, file)).rejects.toThrow(
        new VaeError(`saveVaeCheckpoint: could not write ${file}: ENOSPC: simulated write failure`),
      );
    } finally {
      writes.restore();
    }
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['vae.json']);
    trainer.dispose();
  });
});

describe('saveVaeCheckpoint(trainer, path) and loadVaeCheckpoint(path)', () => {
  test('saveVaeCheckpoint / loadVaeCheckpoint round-trip weights, Adam state, steps and history bit-exactly', async () => {
    const folder = tempDir('dlkit-vae-');
    const path = join(folder, 'vae.json');
    const trainer = await trained(1);
    expect(await saveVaeCheckpoint(trainer, path)).toBe(path);
    const loaded = await loadVaeCheckpoint(path);
    expect(loaded.stepCount).toBe(trainer.stepCount);
    expect(loaded.config).toEqual(trainer.config);
    expect(loaded.history).toEqual(trainer.history);
    expect(await weightsOf(loaded)).toEqual(await weightsOf(trainer));
    // The same next step from both: equal only if the Adam moments and step count came back too.
    const batch = tf.tensor2d(train.images.subarray(0, 8 * 16), [8, 16]);
    expect(loaded.step(batch)).toEqual(trainer.step(batch));
    expect(await weightsOf(loaded)).toEqual(await weightsOf(trainer));
    batch.dispose();
    loaded.dispose();
    trainer.dispose();
  });

  test('a missing, malformed or foreign file is one VaeError naming it', async () => {
    const folder = tempDir('dlkit-vae-');
    await expect(loadVaeCheckpoint(join(folder, 'none.json'))).rejects.toThrow(/loadVaeCheckpoint: cannot read .*none\.json/);
    await writeFile(join(folder, 'text.json'), 'not json');
    await expect(loadVaeCheckpoint(join(folder, 'text.json'))).rejects.toThrow(/text\.json is not JSON, so not a VAE checkpoint/);
    await writeFile(join(folder, 'gan.json'), JSON.stringify({ format: 'dlkit-gan-checkpoint' }));
    await expect(loadVaeCheckpoint(join(folder, 'gan.json'))).rejects.toThrow(
      /is not a VAE checkpoint \(format 'dlkit-gan-checkpoint', expected 'dlkit-vae-checkpoint'\)/,
    );
    const trainer = createVaeTrainer(config);
    await saveVaeCheckpoint(trainer, join(folder, 'ok.json'));
    trainer.dispose();
    const file = JSON.parse(await readFile(join(folder, 'ok.json'), 'utf8'));
    file.config.hiddenSizes = [13];
    await writeFile(join(folder, 'bent.json'), JSON.stringify(file));
    await expect(loadVaeCheckpoint(join(folder, 'bent.json'))).rejects.toThrow(
      /encoder\.0\.weights must hold 208 values for this config, found 192/,
    );
  });
});
