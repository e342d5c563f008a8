import { initBackend } from '@dlkit/backend';
import { deriveSeed } from '@dlkit/random';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { type Network, relayout } from '../src/_network';
import { randomStream } from '../src/_random-stream';
import { createGanTrainer, type GanConfig, type GanSnapshot, type GanTrainer, restoreGanTrainer, trainGan } from '../src/node';
import { barImages, batchTensor, drain, tensorCountsAfterSteps, tinyConfig } from './_tiny';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

const data = barImages(64); // 4 steps per epoch at batch 16

/** The trainer's insides this test checks the step against. */
interface TrainerInsides {
  generator: Network;
  discriminator: Network;
  generatorOptimizer: { apply(gradients: tf.Tensor[]): void };
  generatorLossOf(fakes: tf.Tensor2D, t: number): tf.Scalar;
}

const insides = (trainer: GanTrainer) => trainer as unknown as TrainerInsides;

function tensorsOf(snapshot: GanSnapshot, prefix: string): Map<string, Float32Array> {
  return new Map(snapshot.tensors.filter(({ name }) => name.startsWith(prefix)).map(({ name, values }) => [name, values]));
}

const models: [string, Partial<GanConfig>][] = [
  ['MLP', { ...tinyConfig, emaDecay: 0.9 }],
  ['MLP, batch-normalized generator', { ...tinyConfig, generatorNormalization: 'batch' }],
  ['DCGAN', { ...tinyConfig, model: 'dcgan', generatorChannels: [4, 2], discriminatorChannels: [2, 4], kernelSize: 3 }],
];

describe.each(models)('reuseFakes (%s)', (_, config) => {
  test("the discriminator's update is the same as with fresh fakes: the same noise, dropout and loss", () => {
    const real = batchTensor(data, 16, 64);
    const fresh = createGanTrainer(config);
    const reused = createGanTrainer({ ...config, reuseFakes: true });
    const [a, b] = [fresh.step(real), reused.step(real)];
    expect([b.dLoss, b.dReal, b.dFake]).toEqual([a.dLoss, a.dReal, a.dFake]);
    expect(tensorsOf(reused.snapshot(), 'discriminator/')).toEqual(tensorsOf(fresh.snapshot(), 'discriminator/'));
    // The generator's step differs: it scores other fakes.
    expect(b.gLoss).not.toBe(a.gLoss);
    tf.dispose(real);
    fresh.dispose();
    reused.dispose();
  });

  test("the generator's update is Adam on the gradient through the updated discriminator, on the fakes it was trained on", () => {
    const real = batchTensor(data, 16, 64);
    const trainer = createGanTrainer({ ...config, reuseFakes: true });
    trainer.step(real); // so the step checked is not the first
    const before = trainer.snapshot();
    const { gLoss } = trainer.step(real);
    const after = trainer.snapshot();

    // The same state as before the step, but with the discriminator (and its Adam) already updated.
    const updatedDiscriminator = tensorsOf(after, 'discriminator/');
    for (const [name, values] of tensorsOf(after, 'optimizer/discriminator/')) updatedDiscriminator.set(name, values);
    const expected = restoreGanTrainer({
      ...before,
      tensors: before.tensors.map((tensor) => ({ ...tensor, values: updatedDiscriminator.get(tensor.name) ?? tensor.values })),
    });
    const { generator, generatorOptimizer } = insides(expected);
    const resolved = expected.config;
    const t = before.step;
    const pass = tf.tidy(() => {
      const noise = tf.randomNormal(
        [16, resolved.latentDim],
        0,
        1,
        'float32',
        deriveSeed(resolved.seed, randomStream.discriminatorNoise, t),
      );
      const layout = insides(expected).discriminator.samplesIn;
      const result = tf.variableGrads(
        () => {
          const fakes = relayout(generator.apply(relayout(noise as tf.Tensor2D, 'rows', generator.samplesIn)), generator.samplesIn, layout);
          return insides(expected).generatorLossOf(fakes, t);
        },
        generator.parameters.map(({ variable }) => variable),
      );
      generatorOptimizer.apply(generator.parameters.map(({ variable }) => result.grads[variable.name]!));
      return result.value.dataSync()[0]!;
    });
    expect(gLoss).toBe(pass);
    expect(tensorsOf(expected.snapshot(), 'generator/')).toEqual(tensorsOf(after, 'generator/'));
    expect(tensorsOf(expected.snapshot(), 'optimizer/generator/')).toEqual(tensorsOf(after, 'optimizer/generator/'));
    tf.dispose(real);
    trainer.dispose();
    expected.dispose();
  });

  test('no tensor leaks: tf.memory().numTensors is the same after every step', () => {
    const trainer = createGanTrainer({ ...config, reuseFakes: true });
    const real = batchTensor(data, 16, 64);
    expect(new Set(tensorCountsAfterSteps(trainer, real)).size).toBe(1);
    trainer.dispose();
    real.dispose();
  });

  test('a resumed run equals the straight one bit for bit, and the setting is kept in the checkpoint', async () => {
    const reusing = { ...config, reuseFakes: true };
    const straight = createGanTrainer(reusing);
    await drain(trainGan(straight, data, { epochs: 3 })); // 12 steps, crossing epochs
    const first = createGanTrainer(reusing);
    await drain(trainGan(first, data, { epochs: 3, maxSteps: 5 }));
    const resumed = restoreGanTrainer(first.snapshot());
    first.dispose();
    expect(resumed.config.reuseFakes).toBe(true);
    await drain(trainGan(resumed, data, { epochs: 3 }));
    expect(resumed.history).toEqual(straight.history);
    expect(resumed.snapshot().tensors).toEqual(straight.snapshot().tensors);
    straight.dispose();
    resumed.dispose();
  });
});
