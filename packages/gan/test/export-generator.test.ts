import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { type LayersModel, loadLayersModel } from '@tensorflow/tfjs-layers';
import { describe, expect, test } from 'vitest';
import { createGanTrainer, exportGenerator, type GanConfig, GanError, type GanTrainer } from '../src/node';
import { barImages, batchTensor, tinyConfig, tinyDcganConfig } from './_tiny';

const tinyDcgan: Partial<GanConfig> = { ...tinyDcganConfig, kernelSize: 5 };

/** A trainer a few steps in, so that biases are no longer zero and every weight has moved. */
function trained(config: Partial<GanConfig>, steps = 3): GanTrainer {
  const trainer = createGanTrainer(config);
  const [height, width] = trainer.config.imageShape;
  const real = batchTensor(barImages(16, height), 16, height * width);
  for (let i = 0; i < steps; i++) trainer.step(real);
  real.dispose();
  return trainer;
}

async function load(trainer: GanTrainer): Promise<LayersModel> {
  return loadLayersModel(tf.io.fromMemory(await exportGenerator(trainer)));
}

/** max |model(z) − trainer.generate(z)| over `n` noise vectors drawn as generate draws them. */
function maxDifference(model: LayersModel, trainer: GanTrainer, n: number, seed: number): number {
  return tf.tidy(() => {
    const noise = tf.randomNormal([n, trainer.config.latentDim], 0, 1, 'float32', seed);
    const images = model.predict(noise) as tf.Tensor;
    const [height, width] = trainer.config.imageShape;
    expect(images.shape).toEqual([n, height, width, 1]);
    const expected = tf.reshape(trainer.generate(n, { seed }), [n, height, width, 1]);
    return tf.max(tf.abs(tf.sub(images, expected))).dataSync()[0]!;
  });
}

describe.each(['wasm', 'cpu'] as const)('exportGenerator(trainer) on %s', (backend) => {
  test.each([
    ['mlp', tinyConfig],
    ['mlp, batch-normalized generator', { ...tinyConfig, generatorNormalization: 'batch' }],
    ['mlp, batch-normalized generator with EMA', { ...tinyConfig, generatorNormalization: 'batch', emaDecay: 0.9 }],
    ['dcgan, kernel 5', tinyDcgan],
    ['dcgan, batch-normalized generator', { ...tinyDcgan, generatorNormalization: 'batch' }],
    ['dcgan, kernel 4 (uneven padding)', { ...tinyDcgan, kernelSize: 4 }],
    ['dcgan, kernel 3, 12×8 images', { ...tinyDcgan, kernelSize: 3, imageShape: [12, 8] }],
    [
      'dcgan, kernel 4, low-pass output, batch-normalized with EMA',
      { ...tinyDcgan, kernelSize: 4, generatorLowPass: true, generatorNormalization: 'batch', emaDecay: 0.9 },
    ],
    ['dcgan, kernel 3, low-pass output, 12×8 images', { ...tinyDcgan, kernelSize: 3, generatorLowPass: true, imageShape: [12, 8] }],
  ] as [string, Partial<GanConfig>][])('%s: tfjs-layers loads it and it draws the images generate draws', async (_, config) => {
    await initBackend(backend, { env: {} });
    const trainer = trained(config);
    const model = await load(trainer);
    expect(maxDifference(model, trainer, 10, 123)).toBeLessThanOrEqual(1e-5);
    model.dispose();
    trainer.dispose();
  });
});

describe('exportGenerator(trainer)', () => {
  test.each([
    ['mlp', { seed: 1 }],
    ['batch-normalized mlp', { seed: 1, generatorNormalization: 'batch' }],
    ['dcgan', { seed: 1, model: 'dcgan' }],
    ['batch-normalized dcgan', { seed: 1, model: 'dcgan', generatorNormalization: 'batch' }],
  ] as [string, Partial<GanConfig>][])('the default %s: 28×28×1 images within 1e-5 of generate', async (_, config) => {
    await initBackend('wasm', { env: {} });
    const trainer = trained(config, 1);
    const model = await load(trainer);
    expect(maxDifference(model, trainer, 8, 5)).toBeLessThanOrEqual(1e-5);
    model.dispose();
    trainer.dispose();
  });

  test('the reference MLP is Dense → LeakyReLU ×3, Dense (tanh), Reshape', async () => {
    await initBackend('wasm', { env: {} });
    const trainer = createGanTrainer({ seed: 1 });
    const artifacts = await exportGenerator(trainer);
    expect(artifacts.format).toBe('layers-model');
    expect(artifacts.weightSpecs.map(({ name, shape }) => `${name} ${shape.join('×')}`)).toEqual([
      'dense0/kernel 100×256',
      'dense0/bias 256',
      'dense1/kernel 256×512',
      'dense1/bias 512',
      'dense2/kernel 512×1024',
      'dense2/bias 1024',
      'dense3/kernel 1024×784',
      'dense3/bias 784',
    ]);
    const model = await loadLayersModel(tf.io.fromMemory(artifacts));
    expect(model.layers.map((layer) => `${layer.getClassName()} ${layer.name} → [${String(layer.outputShape)}]`)).toEqual([
      'Dense dense0 → [,256]',
      'LeakyReLU leaky_re_lu0 → [,256]',
      'Dense dense1 → [,512]',
      'LeakyReLU leaky_re_lu1 → [,512]',
      'Dense dense2 → [,1024]',
      'LeakyReLU leaky_re_lu2 → [,1024]',
      'Dense dense3 → [,784]',
      'Reshape image → [,28,28,1]',
    ]);
    expect(model.layers.map((layer) => layer.getConfig().activation ?? layer.getConfig().alpha ?? '')).toEqual([
      'linear',
      0.2,
      'linear',
      0.2,
      'linear',
      0.2,
      'tanh',
      '',
    ]);
    model.dispose();
    trainer.dispose();
  });

  test('a batch-normalized MLP is Dense (no bias) → BatchNormalization → LeakyReLU ×3, Dense (tanh), Reshape; its moving statistics are the sampling ones', async () => {
    await initBackend('wasm', { env: {} });
    const trainer = trained({ ...tinyConfig, generatorNormalization: 'batch' });
    const artifacts = await exportGenerator(trainer);
    expect(artifacts.weightSpecs.map(({ name, shape }) => `${name} ${shape.join('×')}`)).toEqual([
      'dense0/kernel 8×16',
      'norm0/gamma 16',
      'norm0/beta 16',
      'norm0/moving_mean 16',
      'norm0/moving_variance 16',
      'dense1/kernel 16×64',
      'dense1/bias 64',
    ]);
    const model = await loadLayersModel(tf.io.fromMemory(artifacts));
    expect(model.layers.map((layer) => `${layer.getClassName()} ${layer.name}`)).toEqual([
      'Dense dense0',
      'BatchNormalization norm0',
      'LeakyReLU leaky_re_lu0',
      'Dense dense1',
      'Reshape image',
    ]);
    expect(model.layers[0]!.getConfig().useBias).toBe(false);
    // The moving statistics are those of the generator's first layer over the fixed reference noise: not Keras' 0 and 1.
    const [movingMean, movingVariance] = model.layers[1]!.getWeights().slice(2);
    expect(Math.max(...Array.from(movingMean!.dataSync()).map(Math.abs))).toBeGreaterThan(1e-3);
    expect(Array.from(movingVariance!.dataSync()).some((v) => Math.abs(v - 1) > 1e-3)).toBe(true);
    model.dispose();
    trainer.dispose();
  });

  test('the default DCGAN is Dense → LeakyReLU → Reshape → Conv2DTranspose → LeakyReLU → Conv2DTranspose (tanh)', async () => {
    await initBackend('wasm', { env: {} });
    const trainer = createGanTrainer({ seed: 1, model: 'dcgan' });
    const artifacts = await exportGenerator(trainer);
    const model = await loadLayersModel(tf.io.fromMemory(artifacts));
    expect(model.layers.map((layer) => `${layer.getClassName()} ${layer.name} → [${String(layer.outputShape)}]`)).toEqual([
      'Dense dense0 → [,3136]',
      'LeakyReLU leaky_re_lu0 → [,3136]',
      'Reshape reshape0 → [,7,7,64]',
      'Conv2DTranspose deconv1 → [,14,14,32]',
      'LeakyReLU leaky_re_lu1 → [,14,14,32]',
      'Conv2DTranspose deconv2 → [,28,28,1]',
    ]);
    // As Keras reads it: snake_case, channels last, 'same' padding as our transposed convolutions.
    const deconv = artifacts.modelTopology.config.layers.find((layer) => layer.config.name === 'deconv2')!.config;
    expect([deconv.kernel_size, deconv.strides, deconv.padding, deconv.data_format, deconv.activation]).toEqual([
      [5, 5],
      [2, 2],
      'same',
      'channels_last',
      'tanh',
    ]);
    model.dispose();
    trainer.dispose();
  });

  test('a low-pass generator exports its output layer as the plain Conv2DTranspose of the folded kernel, 2 wider', async () => {
    await initBackend('wasm', { env: {} });
    const trainer = createGanTrainer({ seed: 1, model: 'dcgan', kernelSize: 4, generatorLowPass: true });
    const artifacts = await exportGenerator(trainer);
    const deconv = artifacts.modelTopology.config.layers.find((layer) => layer.config.name === 'deconv2')!.config;
    expect(deconv.kernel_size).toEqual([6, 6]);
    const kernel = artifacts.weightSpecs.find((spec) => spec.name === 'deconv2/kernel')!;
    expect(kernel.shape).toEqual([6, 6, 1, 32]);
    trainer.dispose();
  });

  test('takes copies when called: a training step during the export does not reach it', async () => {
    await initBackend('wasm', { env: {} });
    const trainer = trained(tinyDcgan, 1);
    const before = trainer.generate(4, { seed: 9 });
    const exporting = exportGenerator(trainer);
    const real = batchTensor(barImages(16), 16, 64);
    trainer.step(real);
    const model = await loadLayersModel(tf.io.fromMemory(await exporting));
    const images = model.predict(tf.randomNormal([4, 8], 0, 1, 'float32', 9)) as tf.Tensor;
    const after = trainer.generate(4, { seed: 9 });
    const difference = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(tf.reshape(a, [4, 64]), b))).dataSync()[0]!);
    expect(difference(images, before)).toBeLessThanOrEqual(1e-5);
    expect(difference(images, after)).toBeGreaterThan(1e-4);
    tf.dispose([before, real, images, after]);
    model.dispose();
    trainer.dispose();
  });

  test('leaves tf.memory().numTensors unchanged', async () => {
    await initBackend('wasm', { env: {} });
    for (const config of [tinyConfig, tinyDcgan]) {
      const trainer = createGanTrainer(config);
      const before = tf.memory().numTensors;
      const artifacts = await exportGenerator(trainer);
      expect(tf.memory().numTensors).toBe(before);
      expect(artifacts.weightData.byteLength).toBe(
        4 * artifacts.weightSpecs.reduce((sum, { shape }) => sum + shape.reduce((a, b) => a * b, 1), 0),
      );
      trainer.dispose();
    }
  });

  test('a disposed trainer, or anything but a trainer, is a GanError of kind input', async () => {
    const trainer = createGanTrainer(tinyConfig);
    trainer.dispose();
    await expect(exportGenerator(trainer)).rejects.toThrow(
      new GanError('exportGenerator: this GanTrainer was disposed', { kind: 'input' }),
    );
    await expect(exportGenerator(trainer)).rejects.toMatchObject({ kind: 'input' });
    const lookalike = { config: trainer.config, generate: trainer.generate } as unknown as GanTrainer;
    await expect(exportGenerator(lookalike)).rejects.toThrow(
      'exportGenerator: expected a GanTrainer from createGanTrainer, restoreGanTrainer or loadGanCheckpoint, found another object',
    );
    await expect(exportGenerator(undefined as unknown as GanTrainer)).rejects.toThrow(GanError);
  });
});
