// Training speed of the default MLP GAN (batch 128) on WASM, in one process: dlkit's trainer (samples in columns)
// (createGanTrainer().step) and the reference step with dlkit's fast kernels, each against stock tfjs:
// the reference step in plain tfjs ops with tfjs's stock gradients (setFastKernels(false)) and tf.train.adam.
// DLKIT_BENCH_PROFILE=1 also prints the kernels that dominate one step of dlkit's trainer.
import * as tf from '@tensorflow/tfjs-core';
import { dense, initBackend, kernelBreakdown, setFastKernels } from '@dlkit/backend';
import { createGanTrainer } from '@dlkit/gan';
import { emit, timeTrainerStep } from './harness.mjs';

// The reference MNIST GAN step (the Keras MNIST GAN: G 100→256→512→1024→784, D 784→1024→512→256→1,
// LeakyReLU 0.2, dropout 0.3 in D, Adam 2e-4 β1 0.5) in plain tfjs ops and `dense`.
const generatorSizes = [100, 256, 512, 1024, 784];
const discriminatorSizes = [784, 1024, 512, 256, 1];

/** Multiply-adds of one sample through a stack of dense layers. */
const macs = (sizes) => sizes.slice(1).reduce((sum, out, i) => sum + sizes[i] * out, 0);

/**
 * FLOPs per sample of one D step + one G step (forward 2·MACs, backward 2·MACs for each of dx and dW,
 * skipping D's dW in the G step and D's input gradient on data).
 */
function ganFlopsPerSample() {
  const g = 2 * macs(generatorSizes);
  const d = 2 * macs(discriminatorSizes);
  const dFirst = 2 * discriminatorSizes[0] * discriminatorSizes[1];
  const dStep = g + 2 * (d + 2 * d - dFirst); // G forward, D forward + backward on real and fake
  const gStep = g + d + d + 2 * g; // G forward, D forward, D input gradients, G backward
  return dStep + gStep;
}

function layers(sizes, name) {
  return sizes.slice(1).map((out, i) => ({
    w: tf.variable(tf.mul(tf.randomNormal([sizes[i], out]), Math.sqrt(2 / (sizes[i] + out))), true, `${name}w${i}`),
    b: tf.variable(tf.zeros([out]), true, `${name}b${i}`),
  }));
}

function generator(g, z) {
  let h = z;
  g.forEach(({ w, b }, i) => {
    h = dense(h, w, b, { activation: i === g.length - 1 ? 'tanh' : 'leakyRelu', leakyAlpha: 0.2 });
  });
  return h;
}

function discriminator(d, x) {
  let h = x;
  d.forEach(({ w, b }, i) => {
    const last = i === d.length - 1;
    h = dense(h, w, b, { activation: last ? 'linear' : 'leakyRelu', leakyAlpha: 0.2 });
    if (!last) h = tf.dropout(h, 0.3);
  });
  return h;
}

function bceWithLogits(logits, label) {
  // mean(max(l, 0) − l·y + log(1 + exp(−|l|))), stable for any logit
  return tf.mean(tf.add(tf.sub(tf.relu(logits), tf.mul(logits, label)), tf.log1p(tf.exp(tf.neg(tf.abs(logits))))));
}

/** A GAN whose `step(real)` runs one D step and one G step and returns nothing (no sync). */
function createReferenceGan(batch = 128) {
  const g = layers(generatorSizes, 'g');
  const d = layers(discriminatorSizes, 'd');
  const gVars = g.flatMap(({ w, b }) => [w, b]);
  const dVars = d.flatMap(({ w, b }) => [w, b]);
  const dOptimizer = tf.train.adam(2e-4, 0.5);
  const gOptimizer = tf.train.adam(2e-4, 0.5);
  return {
    step(real) {
      tf.tidy(() => {
        const fake = generator(g, tf.randomNormal([batch, 100]));
        dOptimizer.minimize(() => tf.add(bceWithLogits(discriminator(d, real), 1), bceWithLogits(discriminator(d, fake), 0)), false, dVars);
      });
      tf.tidy(() => {
        const z = tf.randomNormal([batch, 100]);
        gOptimizer.minimize(() => bceWithLogits(discriminator(d, generator(g, z)), 1), false, gVars);
      });
    },
    dispose() {
      tf.dispose([...gVars, ...dVars]);
      dOptimizer.dispose();
      gOptimizer.dispose();
    },
  };
}

const batch = 128;
const info = await initBackend('wasm');
const real = tf.randomUniform([batch, 784], -1, 1);
const threads = `${info.threads} wasm thread(s) in every column`;
/** Samples per CPU-second of ours and stock: the speed with the cores to ourselves (1 thread). */
const perCpu = (ours, stock) => `${Math.round(batch / ours.cpu)} vs ${Math.round(batch / stock.cpu)} samples per CPU-second`;

async function secondsPerStep(fast, create, runs) {
  setFastKernels(fast);
  return timeTrainerStep(create, real, { warmup: 2, runs });
}

const stock = await secondsPerStep(false, () => createReferenceGan(batch), 3);
const reference = await secondsPerStep(true, () => createReferenceGan(batch), 7);
const trainer = await secondsPerStep(true, () => createGanTrainer(), 7);
const row = { bench: 'gan', unit: 'samples/s', stock: batch / stock.wall, flopsPerUnit: ganFlopsPerSample() };
emit({
  ...row,
  metric: 'MLP GAN train, batch 128: @dlkit/gan trainer',
  ours: batch / trainer.wall,
  note: `samples in columns, D on reals+fakes in one pass; ${threads}; ${perCpu(trainer, stock)}`,
});
emit({
  ...row,
  metric: 'MLP GAN train, batch 128: reference step',
  ours: batch / reference.wall,
  note: `same step as stock, fast kernels on; ${threads}; ${perCpu(reference, stock)}`,
});

if (process.env.DLKIT_BENCH_PROFILE) {
  setFastKernels(true);
  const gan = createGanTrainer();
  gan.step(real);
  const kernels = await kernelBreakdown(() => gan.step(real));
  const total = kernels.reduce((sum, k) => sum + k.ms, 0);
  for (const k of kernels.slice(0, 12))
    console.error(
      `${k.kernel.padEnd(14)} ${k.ms.toFixed(1).padStart(7)} ms ${((100 * k.ms) / total).toFixed(0).padStart(3)}%  ${k.calls} calls`,
    );
  gan.dispose();
}
