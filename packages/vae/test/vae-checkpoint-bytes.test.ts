import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@dlkit/test-utils';
import { createVaeTrainer, decodeVaeCheckpoint, encodeVaeCheckpoint, saveVaeCheckpoint, trainVae, VaeError } from '../src/node';
import { collect, config, losses, test_, train, trained, weightsOf } from './_tiny-vae-run';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

describe('encodeVaeCheckpoint(trainer) and decodeVaeCheckpoint(bytes, source?)', () => {
  test('round-trip weights, Adam state, steps and history bit-exactly, and leak nothing', async () => {
    const trainer = await trained(1);
    const before = tf.memory().numTensors;
    const bytes = await encodeVaeCheckpoint(trainer);
    expect(tf.memory().numTensors).toBe(before);
    const decoded = decodeVaeCheckpoint(bytes);
    expect([decoded.stepCount, decoded.stepsPerEpoch]).toEqual([trainer.stepCount, trainer.stepsPerEpoch]);
    expect(decoded.config).toEqual(trainer.config);
    expect(decoded.history).toEqual(trainer.history);
    expect(await weightsOf(decoded)).toEqual(await weightsOf(trainer));
    // The same next step from both: equal only if the Adam moments and step count came back too.
    const batch = tf.tensor2d(train.images.subarray(0, 8 * 16), [8, 16]);
    expect(decoded.step(batch)).toEqual(trainer.step(batch));
    expect(await weightsOf(decoded)).toEqual(await weightsOf(trainer));
    batch.dispose();
    decoded.dispose();
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
  });

  test("writes each array's float32 bytes in standard base64, as Node's Buffer does, so files written before still load", async () => {
    const trainer = createVaeTrainer(config);
    const json = JSON.parse(new TextDecoder().decode(await encodeVaeCheckpoint(trainer)));
    const nodeBase64 = (values: Float32Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
    const expected = await Promise.all(trainer.vae.variables.map(async (v) => nodeBase64((await v.data()) as Float32Array)));
    expect(json.weights.map((w: { data: string }) => w.data)).toEqual(expected);
    expect(expected.map((text) => text.replace(/[^=]/g, '')).sort()).toContain('=='); // padded ones too (4n bytes, n ≢ 0 mod 3)
    trainer.dispose();
  });

  test('bytes that are not a VAE checkpoint are one VaeError naming the source', async () => {
    const text = (value: string) => new TextEncoder().encode(value);
    expect(() => decodeVaeCheckpoint(text('not json'), 'upload.json')).toThrow(
      new VaeError('decodeVaeCheckpoint: upload.json is not JSON, so not a VAE checkpoint'),
    );
    expect(() => decodeVaeCheckpoint(text('{"format":"dlkit-gan-checkpoint"}'))).toThrow(
      "decodeVaeCheckpoint: checkpoint is not a VAE checkpoint (format 'dlkit-gan-checkpoint', expected 'dlkit-vae-checkpoint')",
    );
    const trainer = createVaeTrainer(config);
    const json = JSON.parse(new TextDecoder().decode(await encodeVaeCheckpoint(trainer)));
    json.weights[1].data = `${json.weights[1].data.slice(0, -4)}!!!!`;
    expect(() => decodeVaeCheckpoint(text(JSON.stringify(json)), 'bent.json')).toThrow(
      `decodeVaeCheckpoint: bent.json: array ${json.weights[1].name} is not base64`,
    );
    trainer.dispose();
    await expect(encodeVaeCheckpoint(trainer)).rejects.toThrow(new VaeError('encodeVaeCheckpoint: this trainer has been disposed'));
  });

  test("are what trainVae's checkpoint function gets: the file's bytes, from which a resumed run continues exactly", async () => {
    const saved = new Map<number, Uint8Array>();
    const toMemory = (bytes: Uint8Array, step: number) => {
      saved.set(step, bytes);
      return `memory, step ${step}`;
    };
    const first = createVaeTrainer(config);
    const events = await collect(trainVae(first, train, { epochs: 3, maxSteps: 7, testData: test_, checkpoint: toMemory }));
    expect(events.filter((e) => e.type === 'checkpoint' || e.type === 'end')).toEqual([
      { type: 'checkpoint', path: 'memory, step 5', step: 5 },
      { type: 'checkpoint', path: 'memory, step 7', step: 7 },
      { type: 'end', reason: 'max-steps', step: 7, epoch: 1 },
    ]);
    expect(saved.get(7)).toEqual(await encodeVaeCheckpoint(first));
    const file = await saveVaeCheckpoint(first, join(tempDir('dlkit-vae-'), 'vae.json'));
    expect(new Uint8Array(await readFile(file))).toEqual(saved.get(7));
    first.dispose();

    const resumed = decodeVaeCheckpoint(saved.get(7)!);
    await collect(trainVae(resumed, train, { epochs: 3, testData: test_ }));
    const straight = await trained(3, { testData: test_ });
    expect(losses(resumed)).toEqual(losses(straight));
    expect(resumed.history.epochs).toEqual(straight.history.epochs);
    expect(await weightsOf(resumed)).toEqual(await weightsOf(straight));
    resumed.dispose();
    straight.dispose();
  });
});
