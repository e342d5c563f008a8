import { initBackend } from '@dlkit/backend';
import { beforeAll, expect, test } from 'vitest';
// The main entry as a browser bundle gets it (in Node, '@dlkit/vae' is src/node.ts).
import { createVaeTrainer, decodeVaeCheckpoint, trainVae, VaeError } from '../src/index';
import { config, train } from './_tiny-vae-run';

beforeAll(async () => {
  await initBackend('cpu', { env: {} });
});

test("trainVae of the main entry checkpoints to a CheckpointSink; a path is a VaeError of kind 'input' naming Node's trainVae", async () => {
  const trainer = createVaeTrainer(config);
  const sunk: { bytes: Uint8Array; step: number }[] = [];
  for await (const _ of trainVae(trainer, train, {
    epochs: 1,
    checkpoint: (bytes, step) => {
      sunk.push({ bytes, step });
      return `memory:${step}`;
    },
  })) {
    // events are not needed here
  }
  expect(sunk.map(({ step }) => step).at(-1)).toBe(5);
  const restored = decodeVaeCheckpoint(sunk[0]!.bytes);
  expect(restored.stepCount).toBe(5);
  restored.dispose();
  const failure = await trainVae(trainer, train, { checkpoint: 'out/vae.json' })
    .next()
    .catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(VaeError);
  expect((failure as Error).message).toBe(
    `trainVae: checkpoint "out/vae.json" is a file path, written only in Node ('@dlkit/vae' there, or '@dlkit/vae/node'); here pass a CheckpointSink, (bytes, step) => where they went`,
  );
  trainer.dispose();
});
