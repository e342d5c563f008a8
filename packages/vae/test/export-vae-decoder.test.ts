import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { type LayersModel, loadLayersModel } from '@tensorflow/tfjs-layers';
import { describe, expect, test } from 'vitest';
import {
  createVae,
  createVaeTrainer,
  type ExportVaeDecoderOptions,
  exportVaeDecoder,
  type Vae,
  type VaeConfig,
  VaeError,
  type VaeTrainer,
} from '../src/node';

const tiny: Partial<VaeConfig> = { inputSize: 16, hiddenSizes: [12, 6], latentSize: 3, batchSize: 8, learningRate: 5e-3, seed: 4 };

/** A trainer a few Adam steps in, so that every weight has moved from its initialization. */
function trained(config: Partial<VaeConfig>, steps = 3): VaeTrainer {
  const trainer = createVaeTrainer(config);
  const batch = tf.tidy(() => tf.step(tf.randomUniform([8, trainer.config.inputSize], -1, 1, 'float32', 2)) as tf.Tensor2D);
  for (let i = 0; i < steps; i++) trainer.step(batch);
  batch.dispose();
  return trainer;
}

async function load(vae: Vae, options?: ExportVaeDecoderOptions): Promise<LayersModel> {
  return loadLayersModel(tf.io.fromMemory(await exportVaeDecoder(vae, options)));
}

function maxDifference(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(tf.reshape(a, b.shape), b))).dataSync()[0]!);
}

describe.each(['wasm', 'cpu'] as const)('exportVaeDecoder(vae) on %s', (backend) => {
  test.each([
    ['two hidden layers', tiny],
    ['the default 784-400-20', { seed: 1 }],
  ] as [string, Partial<VaeConfig>][])('%s: tfjs-layers loads it; probabilities match sample, logits match decode', async (_, config) => {
    await initBackend(backend, { env: {} });
    const trainer = trained(config);
    const { vae } = trainer;
    const { inputSize, latentSize } = vae.config;
    const probabilities = await load(vae);
    const logits = await load(vae, { output: 'logits' });
    tf.tidy(() => {
      const z = tf.randomNormal([10, latentSize], 0, 1, 'float32', 17) as tf.Tensor2D;
      const predicted = probabilities.predict(z) as tf.Tensor;
      expect(predicted.shape).toEqual([10, inputSize]);
      expect(maxDifference(predicted, vae.sample(10, { seed: 17 }))).toBeLessThanOrEqual(1e-5);
      expect(maxDifference(logits.predict(z) as tf.Tensor, vae.decode(z))).toBeLessThanOrEqual(1e-5);
    });
    probabilities.dispose();
    logits.dispose();
    trainer.dispose();
  });
});

describe('exportVaeDecoder(vae, options?)', () => {
  test('the default decoder is Dense (ReLU) → Dense (sigmoid), and with imageShape a Reshape to images', async () => {
    await initBackend('wasm', { env: {} });
    const vae = createVae({ seed: 2 });
    const artifacts = await exportVaeDecoder(vae, { imageShape: [28, 28] });
    expect(artifacts.format).toBe('layers-model');
    expect(artifacts.weightSpecs.map(({ name, shape }) => `${name} ${shape.join('×')}`)).toEqual([
      'decoder_0/kernel 20×400',
      'decoder_0/bias 400',
      'decoder_out/kernel 400×784',
      'decoder_out/bias 784',
    ]);
    const model = await loadLayersModel(tf.io.fromMemory(artifacts));
    expect(
      model.layers.map(
        (layer) => `${layer.getClassName()} ${layer.name} ${layer.getConfig().activation ?? ''} → [${String(layer.outputShape)}]`,
      ),
    ).toEqual(['Dense decoder_0 relu → [,400]', 'Dense decoder_out sigmoid → [,784]', 'Reshape image  → [,28,28,1]']);
    const images = tf.tidy(() => {
      const z = tf.randomNormal([5, 20], 0, 1, 'float32', 8) as tf.Tensor2D;
      const predicted = model.predict(z) as tf.Tensor;
      expect(predicted.shape).toEqual([5, 28, 28, 1]);
      return maxDifference(predicted, tf.sigmoid(vae.decode(z)));
    });
    expect(images).toBeLessThanOrEqual(1e-5);
    model.dispose();
    vae.dispose();
  });

  test('takes copies when called: a training step during the export does not reach it', async () => {
    await initBackend('wasm', { env: {} });
    const trainer = createVaeTrainer(tiny);
    const before = trainer.vae.sample(4, { seed: 5 });
    const exporting = exportVaeDecoder(trainer.vae);
    const batch = tf.fill([8, 16], 0.9) as tf.Tensor2D;
    trainer.step(batch);
    const model = await loadLayersModel(tf.io.fromMemory(await exporting));
    const predicted = model.predict(tf.randomNormal([4, 3], 0, 1, 'float32', 5)) as tf.Tensor;
    const after = trainer.vae.sample(4, { seed: 5 });
    expect(maxDifference(predicted, before)).toBeLessThanOrEqual(1e-5);
    expect(maxDifference(predicted, after)).toBeGreaterThan(1e-4);
    tf.dispose([before, batch, predicted, after]);
    model.dispose();
    trainer.dispose();
  });

  test('leaves tf.memory().numTensors unchanged', async () => {
    await initBackend('wasm', { env: {} });
    const vae = createVae(tiny);
    const before = tf.memory().numTensors;
    const artifacts = await exportVaeDecoder(vae, { output: 'logits', imageShape: [4, 4] });
    expect(tf.memory().numTensors).toBe(before);
    expect(artifacts.weightData.byteLength).toBe(4 * (3 * 6 + 6 + 6 * 12 + 12 + 12 * 16 + 16));
    vae.dispose();
  });

  test('a disposed VAE, a trainer, anything else or bad options are a VaeError of kind input', async () => {
    const vae = createVae(tiny);
    const bad = (value: unknown, options?: unknown) => exportVaeDecoder(value as Vae, options as ExportVaeDecoderOptions);
    await expect(bad(vae, { output: 'images' })).rejects.toThrow(
      "exportVaeDecoder: output must be 'probabilities' or 'logits', found 'images'",
    );
    await expect(bad(vae, { imageShape: [28, 28] })).rejects.toThrow(
      'exportVaeDecoder: imageShape must be [height, width] with height × width = inputSize 16, found [28,28]',
    );
    await expect(bad(vae, { imageShape: [16] })).rejects.toThrow('found [16]');
    const trainer = createVaeTrainer(tiny);
    await expect(bad(trainer)).rejects.toThrow(
      "exportVaeDecoder: expected a Vae from createVae or a VaeTrainer's .vae, found a VaeTrainer (pass trainer.vae)",
    );
    await expect(bad({ config: vae.config })).rejects.toThrow('found another object');
    await expect(bad(null)).rejects.toThrow('found null');
    trainer.dispose();
    vae.dispose();
    await expect(bad(vae)).rejects.toThrow(new VaeError('exportVaeDecoder: this VAE has been disposed'));
    await expect(bad(vae)).rejects.toMatchObject({ name: 'VaeError', kind: 'input' });
  });
});
