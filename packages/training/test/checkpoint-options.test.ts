import { describe, expect, test } from 'vitest';
import { type CheckpointSink, checkpointOptions, runEpochs } from '../src/index';

const plan = { count: 6, batchSize: 2, stepsPerEpoch: 3, seed: 1, shuffleStream: 0 };

describe('checkpointOptions(checkpoint, { toPath, toBytes })', () => {
  test('a path goes to toPath and is the checkpoint target', async () => {
    const written: string[] = [];
    const toPath = async (path: string) => {
      written.push(path);
      return `${path}/file.bin`;
    };
    const options = checkpointOptions('out', { toPath, toBytes: () => new Uint8Array() });
    expect(options.checkpointTarget).toBe('out');
    expect(await options.saveCheckpoint!(4)).toBe('out/file.bin');
    expect(written).toEqual(['out']);
  });

  test('a sink gets the bytes and the step, and names where they went', async () => {
    const kept = new Map<string, Uint8Array>();
    const sink: CheckpointSink = (bytes, step) => {
      kept.set(`memory:${step}`, bytes);
      return `memory:${step}`;
    };
    let encoded = 0;
    const toBytes = async () => new Uint8Array([++encoded]);
    const options = checkpointOptions(sink, { toPath: () => Promise.reject(new Error('no paths here')), toBytes });
    expect(options.checkpointTarget).toBeUndefined();
    const events = [];
    for await (const event of runEpochs({ ...plan, ...options, epochs: 2 })) if (event.type === 'checkpoint') events.push(event);
    expect(events).toEqual([
      { type: 'checkpoint', path: 'memory:3', step: 3 },
      { type: 'checkpoint', path: 'memory:6', step: 6 },
    ]);
    expect([...kept.entries()]).toEqual([
      ['memory:3', new Uint8Array([1])],
      ['memory:6', new Uint8Array([2])],
    ]);
  });

  test.each([undefined, ''])('%j means no checkpoints', (checkpoint) => {
    expect(checkpointOptions(checkpoint, { toPath: async (path) => path, toBytes: () => new Uint8Array() })).toEqual({});
  });
});
