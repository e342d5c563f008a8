import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initBackend } from '@dlkit/backend';
import { watchFileWrites } from '@dlkit/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createVaeTrainer, saveVaeCheckpoint, VaeError } from '../src/index';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

describe('saveVaeCheckpoint(trainer, path)', () => {
  test('fsyncs a temporary file and renames it over the checkpoint; a failed write keeps the old one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vae-atomic-'));
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
