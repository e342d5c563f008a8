#!/usr/bin/env node
// Trains the default VAE (784-400-20, Adam 1e-3, batch 128) on the embedded MNIST split (8,000 train /
// 2,000 test), prints the epoch-by-epoch curve, and writes the README's chart and figures to docs/.
// With --latent-size 2 it also draws the 2-D latent manifold; its files are prefixed latent2-.
// Usage (after `pnpm turbo run build --filter=@dlkit/vae...`):
//   node scripts/train-mnist.mjs [--epochs 10] [--seed 0] [--latent-size 20] [--out docs] [--iwae-samples 100]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeBackend, initBackend } from '@dlkit/backend';
import { loadMnist } from '@dlkit/mnist';
import { imageGrid, lineChart, writeFileAtomic } from '@dlkit/plot';
import { createVaeTrainer, evaluateVae, trainVae } from '@dlkit/vae';
import * as tf from '@tensorflow/tfjs-core';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '10' },
    seed: { type: 'string', default: '0' },
    out: { type: 'string', default: new URL('../docs', import.meta.url).pathname },
    backend: { type: 'string', default: 'wasm' },
    'iwae-samples': { type: 'string', default: '100' },
    'latent-size': { type: 'string', default: '20' },
  },
});
const epochs = Number(values.epochs);
const seed = Number(values.seed);
const k = Number(values['iwae-samples']);
const latentSize = Number(values['latent-size']);
const prefix = latentSize === 20 ? '' : `latent${latentSize}-`;

const info = await initBackend(values.backend);
console.log(describeBackend(info));
const train = await loadMnist({ source: 'embedded', split: 'train', normalize: '[0,1]' });
const test = await loadMnist({ source: 'embedded', split: 'test', normalize: '[0,1]' });
console.log(`data: ${train.count} train / ${test.count} test digits (embedded split)`);
console.log('epoch  train −ELBO  test −ELBO  (recon + KL)       seconds  samples/s');

const started = performance.now();
const trainer = createVaeTrainer({ seed, latentSize });
const { batchSize } = trainer.config;
const timing = [];
let epochSeconds = 0;
let epochImages = 0;
for await (const event of trainVae(trainer, train, { epochs, testData: test })) {
  if (event.type === 'step') {
    // The step's images over its measured throughput: the time of trainer.step alone.
    const images = Math.min(batchSize, train.count - (event.stepInEpoch - 1) * batchSize);
    epochSeconds += images / event.samplesPerSecond;
    epochImages += images;
  }
  if (event.type !== 'epoch') continue;
  timing.push({ epoch: event.epoch, seconds: epochSeconds, samplesPerSecond: epochImages / epochSeconds });
  const recon = `(${event.testReconstruction.toFixed(2)} + ${event.testKl.toFixed(2)})`;
  console.log(
    `${String(event.epoch).padStart(5)}  ${event.trainLoss.toFixed(2).padStart(11)}  ${event.testLoss.toFixed(2).padStart(10)}  ${recon.padEnd(17)} ${epochSeconds.toFixed(1).padStart(7)}  ${(epochImages / epochSeconds).toFixed(0).padStart(9)}`,
  );
  epochSeconds = 0;
  epochImages = 0;
}
const history = trainer.history;
const trainSeconds = (performance.now() - started) / 1000;
const final = await evaluateVae(trainer.vae, test, { importanceSamples: k, seed: 1 });
console.log(
  `test after ${epochs} epochs: −ELBO ${final.negativeElbo.toFixed(2)} nats/digit (recon ${final.reconstruction.toFixed(2)} + KL ${final.kl.toFixed(2)}), −IWAE(k=${k}) ${final.negativeIwae.toFixed(2)}; total ${trainSeconds.toFixed(0)} s`,
);

const epochAxis = history.epochs.map((e) => e.epoch);
const svg = await lineChart({
  title: `VAE 784-400-${latentSize} on embedded MNIST: −ELBO per digit (nats)`,
  xTitle: 'epoch',
  yTitle: '−ELBO (nats per digit)',
  series: [
    { name: 'train (running average)', x: epochAxis, y: history.epochs.map((e) => e.trainLoss) },
    { name: 'test', x: epochAxis, y: history.epochs.map((e) => e.testLoss) },
  ],
});
await writeFileAtomic(join(values.out, `${prefix}training-curve.svg`), svg);

const firstTest = tf.tensor2d(test.images.subarray(0, 16 * 784), [16, 784]);
const reconstructions = trainer.vae.reconstruct(firstTest);
const pairs = [];
for (let i = 0; i < 16; i++) {
  pairs.push(test.images.subarray(i * 784, (i + 1) * 784));
  pairs.push(reconstructions.dataSync().subarray(i * 784, (i + 1) * 784));
}
await writeFileAtomic(join(values.out, `${prefix}reconstructions.png`), imageGrid(pairs, { width: 28, height: 28, columns: 8, scale: 2 }));
const samples = trainer.vae.sample(32, { seed: 1 });
await writeFileAtomic(join(values.out, `${prefix}samples.png`), imageGrid(samples, { width: 28, height: 28, columns: 8, scale: 2 }));
tf.dispose([firstTest, reconstructions, samples]);
if (latentSize === 2) {
  const manifold = trainer.vae.latentGrid(20);
  await writeFileAtomic(join(values.out, `${prefix}manifold.png`), imageGrid(manifold, { width: 28, height: 28, columns: 20, spacing: 0 }));
  manifold.dispose();
}

const summary = {
  backend: describeBackend(info),
  config: trainer.config,
  epochs: history.epochs,
  timing,
  final,
  trainSeconds,
  date: new Date().toISOString(),
};
await writeFileAtomic(join(values.out, `${prefix}training-curve.json`), `${JSON.stringify(summary, null, 2)}\n`);
trainer.dispose();
console.log(`wrote ${join(values.out, `${prefix}training-curve.svg`)}, training-curve.json, reconstructions.png, samples.png`);
