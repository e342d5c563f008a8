import { join } from 'node:path';
import { initBackend } from '@dlkit/backend';
import { tempDir } from '@dlkit/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  createGanTrainer,
  decodeGanCheckpoint,
  encodeGanCheckpoint,
  exportGenerator,
  GanError,
  loadGanCheckpoint,
  restoreGanTrainer,
  trainGan,
} from '../src/node';
import { emaStepDecay } from '../src/gan-trainer';
import { barImages, batchTensor, drain, tensorCountsAfterSteps, tinyConfig } from './_tiny';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

const data = barImages(64); // 4 steps per epoch at batch 16
const emaConfig = { ...tinyConfig, emaDecay: 0.9 };

function tensorsByName(trainer: ReturnType<typeof createGanTrainer>): Map<string, Float32Array> {
  return new Map(trainer.snapshot().tensors.map((t) => [t.name, t.values]));
}

describe('EMA generator (config.emaDecay)', () => {
  test('after step n the EMA is d·ema + (1 − d)·weights with the bias-corrected d = β(1 − β^(n−1))/(1 − β^n), in float32 exactly', () => {
    const trainer = createGanTrainer(emaConfig);
    const before = tensorsByName(trainer);
    const generatorNames = [...before.keys()].filter((name) => name.startsWith('generator/'));
    expect([...before.keys()].filter((name) => name.startsWith('ema/'))).toEqual(generatorNames.map((name) => `ema/${name}`));
    for (const name of generatorNames) expect(before.get(`ema/${name}`)).toEqual(before.get(name));
    expect(emaStepDecay(0.9, 1)).toBe(0);
    expect(emaStepDecay(0.9, 2)).toBeCloseTo((0.9 * 0.1) / 0.19, 15);
    expect(emaStepDecay(0.9, 500)).toBeCloseTo(0.9, 15);

    const real = batchTensor(data, 16, 64);
    for (let step = 1; step <= 3; step++) {
      const previous = tensorsByName(trainer);
      trainer.step(real);
      const next = tensorsByName(trainer);
      const decay = emaStepDecay(0.9, step);
      const [d, oneMinusD] = [Math.fround(decay), Math.fround(1 - decay)];
      for (const name of generatorNames) {
        const ema = previous.get(`ema/${name}`)!;
        const weights = next.get(name)!;
        const expected = ema.map((e, i) => Math.fround(Math.fround(e * d) + Math.fround(weights[i]! * oneMinusD)));
        expect(next.get(`ema/${name}`)).toEqual(expected);
        if (step === 1)
          expect(next.get(`ema/${name}`)).toEqual(weights); // the initial weights do not count
        else expect(weights).not.toEqual(ema); // the step did move the trained weights
      }
    }
    real.dispose();
    trainer.dispose();
  });

  test('generate uses the EMA generator when on; weights picks one; exportGenerator exports the EMA', async () => {
    const trainer = createGanTrainer(emaConfig);
    await drain(trainGan(trainer, data, { maxSteps: 3 }));
    const [byDefault, ema, trained] = [
      trainer.generate(4),
      trainer.generate(4, { weights: 'ema' }),
      trainer.generate(4, { weights: 'trained' }),
    ];
    expect(Array.from(byDefault.dataSync())).toEqual(Array.from(ema.dataSync()));
    expect(Array.from(trained.dataSync())).not.toEqual(Array.from(ema.dataSync()));
    tf.dispose([byDefault, ema, trained]);
    const artifacts = await exportGenerator(trainer);
    const emaKernel = tensorsByName(trainer).get('ema/generator/dense0/kernel')!;
    const exported = new Float32Array(artifacts.weightData as ArrayBuffer, 0, emaKernel.length);
    expect(exported).toEqual(emaKernel);
    trainer.dispose();

    const plain = createGanTrainer(tinyConfig);
    expect(plain.snapshot().tensors.some((t) => t.name.startsWith('ema/'))).toBe(false);
    expect(() => plain.generate(2, { weights: 'ema' })).toThrow(
      new GanError("generate(n, { weights: 'ema' }): this GAN keeps no moving average (config.emaDecay is 0)", { kind: 'input' }),
    );
    expect(() => createGanTrainer({ ...tinyConfig, emaDecay: 1 })).toThrow('emaDecay must be in [0, 1), found 1');
    plain.dispose();
  });

  test("discriminatorLearningRate (TTUR) sets the discriminator's Adam alone; null keeps learningRate for both", () => {
    const ttur = createGanTrainer({ ...tinyConfig, learningRate: 1e-4, discriminatorLearningRate: 4e-4 }) as unknown as {
      generatorOptimizer: { learningRate: number };
      discriminatorOptimizer: { learningRate: number };
      dispose(): void;
    };
    expect([ttur.generatorOptimizer.learningRate, ttur.discriminatorOptimizer.learningRate]).toEqual([1e-4, 4e-4]);
    ttur.dispose();
    const same = createGanTrainer({ ...tinyConfig, learningRate: 1e-4 }) as unknown as typeof ttur;
    expect([same.generatorOptimizer.learningRate, same.discriminatorOptimizer.learningRate]).toEqual([1e-4, 1e-4]);
    same.dispose();
  });

  test('no tensor leaks: tf.memory().numTensors is the same after every step', () => {
    const trainer = createGanTrainer(emaConfig);
    const real = batchTensor(data, 16, 64);
    expect(new Set(tensorCountsAfterSteps(trainer, real)).size).toBe(1);
    const held = tf.memory().numTensors;
    trainer.dispose();
    real.dispose();
    expect(tf.memory().numTensors).toBeLessThan(held);
  });

  test.each([
    ['', emaConfig],
    [' (batch-normalized generator)', { ...emaConfig, generatorNormalization: 'batch' as const }],
  ])('a checkpoint round-trips the EMA bit for bit, and a resumed run equals the straight one, EMA included%s', async (_, emaConfig) => {
    const dir = tempDir('gan-ema-');
    const straight = createGanTrainer(emaConfig);
    await drain(trainGan(straight, data, { epochs: 3 })); // 12 steps

    const first = createGanTrainer(emaConfig);
    await drain(trainGan(first, data, { epochs: 3, maxSteps: 6, checkpoint: join(dir, 'run.bin') }));
    const loaded = await loadGanCheckpoint(join(dir, 'run.bin'));
    const [a, b] = [first.snapshot(), loaded.snapshot()];
    expect(b.config.emaDecay).toBe(0.9);
    expect(b.tensors.map((t) => t.name)).toEqual(a.tensors.map((t) => t.name));
    a.tensors.forEach((tensor, i) => {
      expect(new Uint32Array(b.tensors[i]!.values.buffer)).toEqual(new Uint32Array(tensor.values.buffer));
    });
    first.dispose();

    await drain(trainGan(loaded, data, { epochs: 3 }));
    expect(loaded.history).toEqual(straight.history);
    const [s, r] = [straight.snapshot().tensors, loaded.snapshot().tensors];
    expect(r.map((t) => t.name)).toEqual(s.map((t) => t.name));
    s.forEach((tensor, i) => {
      expect(new Uint32Array(r[i]!.values.buffer)).toEqual(new Uint32Array(tensor.values.buffer));
    });
    const [x, y] = [straight.generate(3), loaded.generate(3)];
    expect(Array.from(y.dataSync())).toEqual(Array.from(x.dataSync()));
    tf.dispose([x, y]);
    straight.dispose();
    loaded.dispose();
  });

  test('a version-1 checkpoint (before emaDecay) still loads, as a run without EMA; an unknown version is one clear error', () => {
    const trainer = createGanTrainer(tinyConfig);
    const old = trainer.snapshot();
    delete (old.config as Partial<typeof old.config>).emaDecay; // what version 1 wrote
    delete (old.config as Partial<typeof old.config>).generatorNormalization; // and version 2
    delete (old.config as Partial<typeof old.config>).generatorLowPass; // and version 4
    const bytes = encodeGanCheckpoint(old);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(8, true)).toBe(5);
    view.setUint32(8, 1, true);
    const restored = restoreGanTrainer(decodeGanCheckpoint(bytes));
    expect(restored.config.emaDecay).toBe(0);
    expect(restored.config.generatorNormalization).toBe('none');
    expect(restored.config.generatorLowPass).toBe(false);
    expect(restored.snapshot().tensors).toEqual(trainer.snapshot().tensors);
    view.setUint32(8, 6, true);
    expect(() => decodeGanCheckpoint(bytes, 'old.bin')).toThrow(
      new GanError(
        'old.bin is not a valid GAN checkpoint: format version 6, this version of @dlkit/gan reads versions 1, 2, 3, 4 and 5 (a newer @dlkit/gan wrote it?)',
        { kind: 'checkpoint' },
      ),
    );
    // An EMA checkpoint restored as a config without EMA (or the reverse) names the mismatch.
    const emaTrainer = createGanTrainer(emaConfig);
    const withEma = emaTrainer.snapshot();
    emaTrainer.dispose();
    withEma.config.emaDecay = 0;
    expect(() => restoreGanTrainer(withEma)).toThrow(/snapshot holds \d+ tensors, but this config needs \d+/);
    restored.dispose();
    trainer.dispose();
  });
});
