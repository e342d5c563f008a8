import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  createGanTrainer,
  decodeGanCheckpoint,
  encodeGanCheckpoint,
  exportGenerator,
  type GanConfig,
  GanError,
  type GanTrainer,
  restoreGanTrainer,
  trainGan,
} from '../src/node';
import { barImages, batchTensor, drain, tinyConfig, tinyDcganConfig } from './_tiny';

beforeAll(async () => {
  await initBackend('wasm', { env: {} });
});

/** Bars at row 2·class: the class is what a bar image shows, so a conditional generator can learn to draw it. */
function labelledBars(count: number, seed = 1) {
  const data = barImages(count, 8, seed);
  return { ...data, labels: Uint8Array.from({ length: count }, (_, n) => n % 4) };
}

const conditional: Partial<GanConfig> = { ...tinyConfig, classCount: 4 };
const tinyDcgan: Partial<GanConfig> = { ...tinyDcganConfig, classCount: 4 };

const configs: [string, Partial<GanConfig>][] = [
  ['mlp', conditional],
  ['batch-normalized mlp with EMA, reusing fakes', { ...conditional, generatorNormalization: 'batch', emaDecay: 0.9, reuseFakes: true }],
  ['dcgan', tinyDcgan],
  ['batch-normalized dcgan with EMA', { ...tinyDcgan, generatorNormalization: 'batch', emaDecay: 0.9 }],
];

/** Mean brightness (in [−1, 1]) of each of the image's rows, averaged over the images. */
function rowMeans(images: tf.Tensor2D, side = 8): number[] {
  const values = images.dataSync();
  const n = images.shape[0];
  const means = new Array<number>(side).fill(0);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) means[r]! += values[i * side * side + r * side + c]! / (n * side);
    }
  }
  return means;
}

describe('a class-conditional GAN (config.classCount)', () => {
  test('learns to draw the class it is asked for', async () => {
    // 4 classes of bar (rows 0, 2, 4, 6): after training, the asked class's row is the brightest.
    const trainer = createGanTrainer({ ...conditional, generatorUnits: [64], discriminatorUnits: [64, 32] });
    await drain(trainGan(trainer, labelledBars(256), { epochs: 60 }));
    for (let label = 0; label < 4; label++) {
      const images = trainer.generate(64, { classes: new Array(64).fill(label), seed: 11 });
      const means = rowMeans(images);
      images.dispose();
      const brightest = means.indexOf(Math.max(...means));
      const described = `class ${label}: row means ${means.map((m) => m.toFixed(2)).join(' ')}`;
      expect(brightest, described).toBe(2 * label);
      expect(means[brightest], described).toBeGreaterThan(0); // a bar, not a faint smear
    }
    trainer.dispose();
  });

  test.each(configs)('%s: the classes reach both networks; by default generate takes them in turn', (_, config) => {
    const trainer = createGanTrainer(config);
    const real = batchTensor(labelledBars(16), 16, 64);
    trainer.step(real, labelledBars(16).labels);
    const ones = new Array(8).fill(1);
    const inTurn = [0, 1, 2, 3, 0, 1, 2, 3];
    const values = (t: tf.Tensor) => {
      const copy = Array.from(t.dataSync());
      t.dispose();
      return copy;
    };
    const generated = values(trainer.generate(8, { seed: 3, classes: ones }));
    expect(values(trainer.generate(8, { seed: 3, classes: ones }))).toEqual(generated);
    expect(values(trainer.generate(8, { seed: 3, classes: [2, 2, 2, 2, 2, 2, 2, 2] }))).not.toEqual(generated);
    expect(values(trainer.generate(8, { seed: 3 }))).toEqual(values(trainer.generate(8, { seed: 3, classes: inTurn })));
    const images = batchTensor(labelledBars(8), 8, 64);
    const logits = values(trainer.discriminate(images, ones));
    expect(values(trainer.discriminate(images, [3, 3, 3, 3, 3, 3, 3, 3]))).not.toEqual(logits);
    tf.dispose([real, images]);
    trainer.dispose();
  });

  test.each(configs)('%s: steps, generate and discriminate leak no tensors', (_, config) => {
    const trainer = createGanTrainer(config);
    const data = labelledBars(16);
    const real = batchTensor(data, 16, 64);
    const images = batchTensor(data, 4, 64);
    trainer.step(real, data.labels);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      trainer.step(real, data.labels);
      tf.dispose([trainer.generate(5), trainer.generate(3, { classes: [3, 2, 1] }), trainer.discriminate(images, [0, 1, 2, 3])]);
      expect(tf.memory().numTensors).toBe(before);
    }
    tf.dispose([real, images]);
    trainer.dispose();
  });

  test.each(configs)('%s: a checkpoint resumes bit for bit, the fakes’ classes included', async (_, config) => {
    const data = labelledBars(64);
    const whole = createGanTrainer(config);
    await drain(trainGan(whole, data, { epochs: 2 }));
    const first = createGanTrainer(config);
    await drain(trainGan(first, data, { epochs: 1 }));
    const resumed = restoreGanTrainer(decodeGanCheckpoint(encodeGanCheckpoint(first.snapshot())));
    expect(resumed.config.classCount).toBe(4);
    await drain(trainGan(resumed, data, { epochs: 2 }));
    expect(resumed.history.steps).toEqual(whole.history.steps);
    expect(resumed.snapshot().tensors).toEqual(whole.snapshot().tensors);
    for (const trainer of [whole, first, resumed]) trainer.dispose();
  });

  test.each([
    ['mlp', conditional],
    ['batch-normalized mlp with EMA', { ...conditional, generatorNormalization: 'batch', emaDecay: 0.9 }],
    ['dcgan', tinyDcgan],
  ] as [string, Partial<GanConfig>][])(
    '%s: the exported generator takes noise then one-hot class and draws what generate draws',
    async (_, config) => {
      const trainer = createGanTrainer(config);
      const data = labelledBars(16);
      const real = batchTensor(data, 16, 64);
      for (let i = 0; i < 3; i++) trainer.step(real, data.labels);
      const model = await loadLayersModel(tf.io.fromMemory(await exportGenerator(trainer)));
      const classes = [3, 0, 2, 1, 1, 3];
      const difference = tf.tidy(() => {
        const noise = tf.randomNormal([6, 8], 0, 1, 'float32', 9);
        const input = tf.concat([noise, tf.cast(tf.oneHot(tf.tensor1d(classes, 'int32'), 4), 'float32')], 1);
        const images = model.predict(input) as tf.Tensor;
        const expected = tf.reshape(trainer.generate(6, { seed: 9, classes }), [6, 8, 8, 1]);
        return tf.max(tf.abs(tf.sub(images, expected))).dataSync()[0]!;
      });
      expect(difference).toBeLessThanOrEqual(1e-5);
      model.dispose();
      real.dispose();
      trainer.dispose();
    },
  );
});

describe('classes, checked', () => {
  let trainer: GanTrainer;
  let unconditional: GanTrainer;
  let real: tf.Tensor2D;
  beforeAll(() => {
    trainer = createGanTrainer(conditional);
    unconditional = createGanTrainer(tinyConfig);
    real = batchTensor(labelledBars(16), 16, 64);
    return () => {
      real.dispose();
      trainer.dispose();
      unconditional.dispose();
    };
  });

  test.each([
    ['none', undefined, /step\(realBatch, classes\): this GAN is class-conditional \(config.classCount 4\): give the 16 images' classes/],
    ['too few', [0, 1, 2], /expected 16 classes, one per image, found 3/],
    ['one out of range', [...new Array(15).fill(0), 4], /entry 15 is 4; classes must be integers from 0 to 3/],
    ['a fraction', [0.5, ...new Array(15).fill(0)], /entry 0 is 0.5/],
  ])('step with %s: one GanError that says what is wrong', (_, classes, message) => {
    const before = tf.memory().numTensors;
    expect(() => trainer.step(real, classes)).toThrow(GanError);
    expect(() => trainer.step(real, classes)).toThrow(message);
    expect(trainer.stepCount).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('an unconditional GAN takes no classes', () => {
    expect(() => unconditional.step(real, new Array(16).fill(0))).toThrow(/unconditional \(config.classCount is 0\) and takes no classes/);
    expect(() => unconditional.generate(2, { classes: [0, 1] })).toThrow(GanError);
    // Its training data may carry labels (an MnistDataset does): trainGan ignores them.
    expect(unconditional.config.classCount).toBe(0);
  });

  test('generate checks given classes; discriminate needs them', () => {
    expect(() => trainer.generate(2, { classes: [0, 9] })).toThrow(/generate\(n, \{ classes \}\): entry 1 is 9/);
    expect(() => trainer.discriminate(real)).toThrow(/discriminate\(images, classes\): this GAN is class-conditional/);
  });

  test('trainGan needs one valid label per image, checked before the first step', async () => {
    const bars = barImages(32);
    await expect(drain(trainGan(trainer, bars, { epochs: 1 }))).rejects.toThrow(
      /trainGan: this GAN is class-conditional \(config.classCount 4\) and needs data.labels, one class per image \(32\), found none/,
    );
    await expect(drain(trainGan(trainer, { ...bars, labels: new Uint8Array(31) }, { epochs: 1 }))).rejects.toThrow(/found 31 labels/);
    const labels = new Uint8Array(32);
    labels[20] = 7;
    await expect(drain(trainGan(trainer, { ...bars, labels }, { epochs: 1 }))).rejects.toThrow(/trainGan: data.labels: entry 20 is 7/);
    expect(trainer.stepCount).toBe(0);
  });

  test('an unconditional GAN trains on labelled data as on unlabelled, step for step', async () => {
    const bars = barImages(32);
    const plain = createGanTrainer(tinyConfig);
    const labelled = createGanTrainer(tinyConfig);
    await drain(trainGan(plain, bars, { epochs: 1 }));
    await drain(trainGan(labelled, { ...bars, labels: new Uint8Array(32) }, { epochs: 1 }));
    expect(labelled.history.steps).toEqual(plain.history.steps);
    plain.dispose();
    labelled.dispose();
  });

  test.each([1, -1, 2.5, Number.NaN])('classCount %s is refused', (classCount) => {
    expect(() => createGanTrainer({ ...tinyConfig, classCount })).toThrow(/classCount must be 0 \(unconditional\) or an integer ≥ 2/);
  });
});
