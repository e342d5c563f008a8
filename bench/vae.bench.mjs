// Training speed of the default VAE (784-400-20, batch 128) on WASM, in one process: dlkit's trainer
// (createVaeTrainer().step) and the reference step with dlkit's fast kernels, each against stock tfjs:
// the reference step in plain tfjs ops with tfjs's stock gradients (setFastKernels(false)) and tf.train.adam.
import * as tf from '@tensorflow/tfjs-core';
import { dense, initBackend, setFastKernels } from '@dlkit/backend';
import { createVaeTrainer } from '@dlkit/vae';
import { emit, timeTrainerStep } from './harness.mjs';

const inputSize = 784;
const hiddenSize = 400;
const latentSize = 20;

/** FLOPs per sample of one step: forward 2·MACs, backward 2·MACs each for dx and dW (no dx for the data). */
function vaeFlopsPerSample() {
  const macs = inputSize * hiddenSize + hiddenSize * 2 * latentSize + latentSize * hiddenSize + hiddenSize * inputSize;
  return 2 * macs + 2 * (2 * macs - inputSize * hiddenSize);
}

function layer(inputs, outputs, name) {
  return {
    w: tf.variable(tf.mul(tf.randomNormal([inputs, outputs]), Math.sqrt(2 / (inputs + outputs))), true, `${name}w`),
    b: tf.variable(tf.zeros([outputs]), true, `${name}b`),
  };
}

/** The PyTorch example VAE: 784→400 ReLU→(μ, log σ²) 20, z = μ + σ·ε, 20→400 ReLU→784 Bernoulli logits, Adam 1e-3. */
function createReferenceVae() {
  const encoder = layer(inputSize, hiddenSize, 'enc');
  const moments = layer(hiddenSize, 2 * latentSize, 'mom');
  const decoder = layer(latentSize, hiddenSize, 'dec');
  const output = layer(hiddenSize, inputSize, 'out');
  const variables = [encoder, moments, decoder, output].flatMap(({ w, b }) => [w, b]);
  const optimizer = tf.train.adam(1e-3);
  const loss = (x) => {
    const h = dense(x, encoder.w, encoder.b, { activation: 'relu' });
    const m = dense(h, moments.w, moments.b);
    const mu = tf.slice(m, [0, 0], [-1, latentSize]);
    const logVar = tf.slice(m, [0, latentSize], [-1, latentSize]);
    const z = tf.add(mu, tf.mul(tf.exp(tf.mul(logVar, 0.5)), tf.randomNormal(mu.shape)));
    const logits = dense(dense(z, decoder.w, decoder.b, { activation: 'relu' }), output.w, output.b);
    // Bernoulli log-likelihood from logits: BCE = softplus(l) − x·l, summed over pixels
    const reconstruction = tf.sum(tf.sub(tf.softplus(logits), tf.mul(x, logits)));
    const kl = tf.mul(-0.5, tf.sum(tf.sub(tf.add(1, logVar), tf.add(tf.square(mu), tf.exp(logVar)))));
    return tf.div(tf.add(reconstruction, kl), x.shape[0]);
  };
  return {
    step: (x) => tf.tidy(() => optimizer.minimize(() => loss(x), false, variables)),
    dispose() {
      tf.dispose(variables);
      optimizer.dispose();
    },
  };
}

const batch = 128;
const info = await initBackend('wasm');
const images = tf.randomUniform([batch, inputSize], 0, 1);
const threads = `${info.threads} wasm thread(s) in every column`;
/** Samples per CPU-second of ours and stock: the speed with the cores to ourselves (1 thread). */
const perCpu = (ours, stock) => `${Math.round(batch / ours.cpu)} vs ${Math.round(batch / stock.cpu)} samples per CPU-second`;

async function secondsPerStep(fast, create, runs) {
  setFastKernels(fast);
  return timeTrainerStep(create, images, { warmup: 3, runs });
}

const stock = await secondsPerStep(false, createReferenceVae, 9);
const reference = await secondsPerStep(true, createReferenceVae, 15);
const trainer = await secondsPerStep(true, () => createVaeTrainer(), 15);
const row = { bench: 'vae', unit: 'samples/s', stock: batch / stock.wall, flopsPerUnit: vaeFlopsPerSample() };
emit({
  ...row,
  metric: 'VAE 784-400-20 train, batch 128: @dlkit/vae trainer',
  ours: batch / trainer.wall,
  note: `${threads}; ${perCpu(trainer, stock)}`,
});
emit({
  ...row,
  metric: 'VAE 784-400-20 train, batch 128: reference step',
  ours: batch / reference.wall,
  note: `same step as stock, fast kernels on; ${threads}; ${perCpu(reference, stock)}`,
});
