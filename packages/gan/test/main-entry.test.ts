import { readFileSync } from 'node:fs';
import { initBackend } from '@dlkit/backend';
import { beforeAll, describe, expect, test } from 'vitest';
// The main entry as a browser bundle gets it (in Node, '@dlkit/gan' is src/node.ts).
import { createGanTrainer, GanError, loadMnistClassifier, trainGan } from '../src/index';
import { mnistClassifierPath } from '../src/node';
import { barImages, tinyConfig } from './_tiny';

beforeAll(async () => {
  await initBackend('cpu', { env: {} });
});

describe('the main entry', () => {
  test('loadMnistClassifier() reads the shipped classifier; loadMnistClassifier(bytes | URL) the same file given otherwise', async () => {
    const shipped = await loadMnistClassifier();
    const bytes = readFileSync(mnistClassifierPath());
    for (const source of [new Uint8Array(bytes), new Uint8Array(bytes).buffer, new URL(`file://${mnistClassifierPath()}`)]) {
      const classifier = await loadMnistClassifier(source);
      expect([classifier.featureSize, classifier.testAccuracy]).toEqual([shipped.featureSize, shipped.testAccuracy]);
      classifier.dispose();
    }
    shipped.dispose();
    await expect(loadMnistClassifier(new Uint8Array(8))).rejects.toThrow(GanError);
    await expect(loadMnistClassifier(new URL('file:///nonexistent/classifier.bin'))).rejects.toThrow(
      /^could not load the MNIST classifier from file:\/\/\/nonexistent\/classifier\.bin: /,
    );
  });

  test("trainGan(trainer, data, { checkpoint: path }) is a GanError of kind 'input' naming Node's trainGan and the sink", async () => {
    const trainer = createGanTrainer(tinyConfig);
    const events = trainGan(trainer, barImages(32), { checkpoint: 'out/' });
    const failure = await events.next().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GanError);
    expect(failure).toMatchObject({ kind: 'input' });
    expect((failure as Error).message).toBe(
      `trainGan: checkpoint "out/" is a file path, written only in Node ('@dlkit/gan' there, or '@dlkit/gan/node'); here pass a CheckpointSink, (bytes, step) => where they went`,
    );
    trainer.dispose();
  });
});
