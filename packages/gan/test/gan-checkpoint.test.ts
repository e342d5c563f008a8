import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { initBackend } from '@dlkit/backend';
import { tempDir, watchFileWrites } from '@dlkit/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  createGanTrainer,
  decodeGanCheckpoint,
  encodeGanCheckpoint,
  GanError,
  loadGanCheckpoint,
  restoreGanTrainer,
  saveGanCheckpoint,
  trainGan,
} from '../src/node';
import { barImages, drain, tinyConfig } from './_tiny';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

const data = barImages(64); // 4 steps per epoch at batch 16

describe('checkpoints', () => {
  test('saveGanCheckpoint fsyncs a temporary file and renames it over the checkpoint; a failed write keeps the old one', async () => {
    const dir = tempDir('gan-atomic-');
    const file = join(dir, 'gan-checkpoint.bin');
    const trainer = createGanTrainer(tinyConfig);
    await saveGanCheckpoint(trainer, file);
    const before = await readFile(file);
    await drain(trainGan(trainer, data, { maxSteps: 1 }));
    const writes = watchFileWrites();
    try {
      await saveGanCheckpoint(trainer, file);
      expect(writes.steps).toEqual(['fsync', expect.stringMatching(/^rename .*gan-checkpoint\.bin\.\d+ → /)]);
      const saved = await readFile(file);
      await writeFile(file, before);
      writes.failNextWrite('ENOSPC');
      await expect(saveGanCheckpoint(trainer, file)).rejects.toThrow(
        new GanError(`could not write checkpoint ${file}: ENOSPC: simulated write failure`, { kind: 'checkpoint' }),
      );
      expect(saved.equals(before)).toBe(false);
    } finally {
      writes.restore();
    }
    expect((await readFile(file)).equals(before)).toBe(true);
    expect(await readdir(dir)).toEqual(['gan-checkpoint.bin']);
    trainer.dispose();
  });

  test('save then load is bit-exact: weights, Adam moments, step, history, config', async () => {
    const dir = tempDir('gan-ckpt-');
    const trainer = createGanTrainer({ ...tinyConfig, labelSmoothing: 0.1 });
    await drain(trainGan(trainer, data, { maxSteps: 3 }));
    const file = await saveGanCheckpoint(trainer, dir);
    expect(file).toBe(join(dir, 'gan-checkpoint.bin'));
    const loaded = await loadGanCheckpoint(dir);
    const [a, b] = [trainer.snapshot(), loaded.snapshot()];
    expect(b.step).toBe(3);
    expect(b.config).toEqual(a.config);
    expect(b.history).toEqual(a.history);
    expect(b.history.steps).toHaveLength(3);
    expect(b.tensors.map((t) => t.name)).toEqual(a.tensors.map((t) => t.name));
    expect(b.tensors.some((t) => t.name.endsWith('/m'))).toBe(true);
    a.tensors.forEach((tensor, i) => {
      // Compare the bits, not the numbers: −0 and NaN payloads must survive too.
      expect(new Uint32Array(b.tensors[i]!.values.buffer)).toEqual(new Uint32Array(tensor.values.buffer));
    });
    const [x, y] = [trainer.generate(4), loaded.generate(4)];
    expect(Array.from(y.dataSync())).toEqual(Array.from(x.dataSync()));
    tf.dispose([x, y]);
    expect(await readdir(dir)).toEqual(['gan-checkpoint.bin']);
    trainer.dispose();
    loaded.dispose();
  });

  test('resume continuity: N steps straight equal k steps + save + load + N − k steps', async () => {
    const dir = tempDir('gan-resume-');
    const straight = createGanTrainer(tinyConfig);
    await drain(trainGan(straight, data, { epochs: 3 })); // 12 steps, crossing epochs

    const first = createGanTrainer(tinyConfig);
    await drain(trainGan(first, data, { epochs: 3, maxSteps: 6, checkpoint: join(dir, 'run.bin') }));
    first.dispose();
    const resumed = await loadGanCheckpoint(join(dir, 'run.bin'));
    expect(resumed.stepCount).toBe(6);
    await drain(trainGan(resumed, data, { epochs: 3 }));

    expect(resumed.stepCount).toBe(12);
    expect(resumed.history.steps).toEqual(straight.history.steps);
    expect(resumed.history.epochs).toEqual(straight.history.epochs);
    expect(resumed.history.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    const [x, y] = [straight.generate(3), resumed.generate(3)];
    expect(Array.from(y.dataSync())).toEqual(Array.from(x.dataSync()));
    tf.dispose([x, y]);
    straight.dispose();
    resumed.dispose();
  });

  test('a checkpoint function gets the bytes the file would hold, and resuming from them equals the straight run', async () => {
    const saved = new Map<number, Uint8Array>();
    const toMemory = (bytes: Uint8Array, step: number) => {
      saved.set(step, bytes);
      return `memory, step ${step}`;
    };
    const first = createGanTrainer(tinyConfig);
    const written: unknown[] = [];
    for await (const event of trainGan(first, data, { epochs: 3, maxSteps: 6, checkpoint: toMemory })) {
      if (event.type === 'checkpoint') written.push(event);
    }
    expect(written).toEqual([
      { type: 'checkpoint', path: 'memory, step 4', step: 4 },
      { type: 'checkpoint', path: 'memory, step 6', step: 6 },
    ]);
    expect(saved.get(6)).toEqual(encodeGanCheckpoint(first.snapshot()));
    const file = await saveGanCheckpoint(first, join(tempDir('gan-sink-'), 'run.bin'));
    expect(new Uint8Array(await readFile(file))).toEqual(saved.get(6));
    first.dispose();

    const resumed = restoreGanTrainer(decodeGanCheckpoint(saved.get(6)!));
    await drain(trainGan(resumed, data, { epochs: 3 }));
    const straight = createGanTrainer(tinyConfig);
    await drain(trainGan(straight, data, { epochs: 3 }));
    expect(resumed.history).toEqual(straight.history);
    expect(resumed.snapshot().tensors).toEqual(straight.snapshot().tensors);
    straight.dispose();
    resumed.dispose();
  });

  test('bad files get one clear GanError', async () => {
    const dir = tempDir('gan-bad-');
    const trainer = createGanTrainer(tinyConfig);
    const bytes = encodeGanCheckpoint(trainer.snapshot());
    expect(() => decodeGanCheckpoint(bytes.subarray(0, bytes.length - 4))).toThrow(
      /expected \d+ bytes for \d+ values, found \d+ \(truncated\?\)/,
    );
    const corrupted = bytes.slice();
    corrupted[corrupted.length - 1]! ^= 1;
    expect(() => decodeGanCheckpoint(corrupted)).toThrow(/checksum \d+ does not match the stored \d+ \(corrupted\?\)/);
    expect(() => decodeGanCheckpoint(new TextEncoder().encode('{"json": "no"}, padding'))).toThrow(
      'it starts with "{\\"json\\":", expected "DLKITGAN"',
    );
    const noHistory = trainer.snapshot();
    (noHistory as { history?: unknown }).history = undefined;
    expect(() => decodeGanCheckpoint(encodeGanCheckpoint(noHistory))).toThrow('its history lacks the steps or epochs array');
    const badConfig = trainer.snapshot();
    badConfig.config.dropout = 2;
    expect(() => restoreGanTrainer(badConfig)).toThrow('snapshot config: invalid GAN config: dropout must be in [0, 1), found 2');
    await expect(loadGanCheckpoint(join(dir, 'missing.bin'))).rejects.toThrow(`no checkpoint at ${join(dir, 'missing.bin')}`);
    const other = createGanTrainer({ ...tinyConfig, generatorUnits: [8] });
    const mismatched = other.snapshot();
    mismatched.config = trainer.config;
    await writeFile(join(dir, 'mismatch.bin'), encodeGanCheckpoint(mismatched));
    await expect(loadGanCheckpoint(join(dir, 'mismatch.bin'))).rejects.toThrow(GanError);
    await expect(loadGanCheckpoint(join(dir, 'mismatch.bin'))).rejects.toThrow(
      /tensor 'generator\/dense0\/kernel' has shape 8×8 \(64 values\), expected 8×16/,
    );
    other.dispose();
    trainer.dispose();
  });

  test('a save over an existing checkpoint replaces it whole', async () => {
    const dir = tempDir('gan-over-');
    const trainer = createGanTrainer(tinyConfig);
    const file = join(dir, 'nested', 'ckpt.bin');
    await saveGanCheckpoint(trainer, file);
    await drain(trainGan(trainer, data, { maxSteps: 1 }));
    await saveGanCheckpoint(trainer, file);
    expect(decodeGanCheckpoint(await readFile(file)).step).toBe(1);
    expect(await readdir(join(dir, 'nested'))).toEqual(['ckpt.bin']);
    trainer.dispose();
  });
});
