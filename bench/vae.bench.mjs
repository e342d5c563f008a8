// Training speed of the default VAE (784-400-20, batch 128) on WASM, in one process, rounds alternating:
// dlkit's trainer (createVaeTrainer().step) and the reference step with dlkit's kernels, each with the FMA
// GEMM and the mul+add one, against stock tfjs: the reference step in plain tfjs ops with tfjs's stock
// gradients (setFastKernels(false)) and tf.train.adam.
import * as tf from '@tensorflow/tfjs-core';
import { dense, initBackend, setFastKernels, setWasmGemm } from '@dlkit/backend';
import { createVaeTrainer } from '@dlkit/vae';
import { alternate, emit, waitForQuiet } from './harness.mjs';

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
function createReferenceVae(prefix = '') {
  const encoder = layer(inputSize, hiddenSize, `${prefix}enc`);
  const moments = layer(hiddenSize, 2 * latentSize, `${prefix}mom`);
  const decoder = layer(latentSize, hiddenSize, `${prefix}dec`);
  const output = layer(hiddenSize, inputSize, `${prefix}out`);
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
const busy = await waitForQuiet(); // before start-up: initBackend uses the cores idle then
const info = await initBackend('wasm');
const images = tf.randomUniform([batch, inputSize], 0, 1);
// XNNPACK (every stock kernel) runs one thread while dlkit's GEMM runs (see initBackend's `threads`).
const threads = `${info.threads} wasm thread(s) for dlkit's kernels, XNNPACK's on 1`;

/** dlkit's kernels with the given GEMM build, or (null) tfjs's stock kernels and gradients. */
function use(variant) {
  setFastKernels(variant !== null);
  if (variant) setWasmGemm(variant);
}
const stepping = (trainer, variant, rounds) => ({ before: () => use(variant), run: () => trainer.step(images), rounds });

const trainers = { fma: createVaeTrainer(), mulAdd: createVaeTrainer() };
const reference = { fma: createReferenceVae('fma'), mulAdd: createReferenceVae('mulAdd'), stock: createReferenceVae('stock') };
const seconds = await alternate(
  {
    trainerFma: stepping(trainers.fma, 'fma'),
    trainerMulAdd: stepping(trainers.mulAdd, 'mul-add'),
    referenceFma: stepping(reference.fma, 'fma'),
    referenceMulAdd: stepping(reference.mulAdd, 'mul-add'),
    stock: stepping(reference.stock, null),
  },
  { warmup: 3, rounds: 15 },
);
use('fma');
setWasmGemm('auto');
for (const trainer of [...Object.values(trainers), ...Object.values(reference)]) trainer.dispose();
const row = { bench: 'vae', unit: 'samples/s', stock: batch / seconds.stock, flopsPerUnit: vaeFlopsPerSample() };
emit({
  ...row,
  metric: 'VAE 784-400-20 train, batch 128: @dlkit/vae trainer',
  ours: batch / seconds.trainerFma,
  mulAdd: batch / seconds.trainerMulAdd,
  note: `stock: the reference step in tfjs ops and tf.train.adam; ${threads}; machine ${busy.toFixed(1)} cores busy before`,
});
emit({
  ...row,
  metric: 'VAE 784-400-20 train, batch 128: reference step',
  ours: batch / seconds.referenceFma,
  mulAdd: batch / seconds.referenceMulAdd,
  note: `the stock column's step with dlkit's kernels on; ${threads}`,
});
