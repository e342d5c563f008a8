// Training speed of the default MLP GAN and of the DCGAN (batch 128) on WASM, in one process, rounds
// alternating: dlkit's trainers (createGanTrainer().step) with the FMA GEMM and with the mul+add one, the
// reference MLP step with dlkit's kernels, and stock tfjs — for the MLP the reference step in plain tfjs
// ops with tfjs's stock gradients (setFastKernels(false)) and tf.train.adam, for the DCGAN the same trainer
// on tfjs's kernels. Then the same MLP GAN in PyTorch CPU when /usr/bin/python3 has torch (bench/torch-gan.py,
// on the embedded digits written to a temporary file), skipped with a note otherwise.
// DLKIT_BENCH_PROFILE=1 also prints the kernels that dominate one step of dlkit's trainer.
import * as tf from '@tensorflow/tfjs-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dense, initBackend, kernelBreakdown, setFastKernels, setWasmGemm } from '@dlkit/backend';
import { createGanTrainer } from '@dlkit/gan';
import { loadMnist } from '@dlkit/mnist';
import { alternate, emit, median, waitForQuiet } from './harness.mjs';

// The reference MNIST GAN step (the Keras MNIST GAN: G 100→256→512→1024→784, D 784→1024→512→256→1,
// LeakyReLU 0.2, dropout 0.3 in D, Adam 2e-4 β1 0.5) in plain tfjs ops and `dense`.
const generatorSizes = [100, 256, 512, 1024, 784];
const discriminatorSizes = [784, 1024, 512, 256, 1];

/** Multiply-adds of one sample through a stack of dense layers. */
const macs = (sizes) => sizes.slice(1).reduce((sum, out, i) => sum + sizes[i] * out, 0);

/**
 * FLOPs per sample of one D step + one G step (forward 2·MACs, backward 2·MACs for each of dx and dW,
 * skipping D's dW in the G step and D's input gradient on data); `reuseFakes`: the G step reuses the D
 * step's G forward.
 */
function ganFlopsPerSample(reuseFakes = false) {
  const g = 2 * macs(generatorSizes);
  const d = 2 * macs(discriminatorSizes);
  const dFirst = 2 * discriminatorSizes[0] * discriminatorSizes[1];
  const dStep = g + 2 * (d + 2 * d - dFirst); // G forward, D forward + backward on real and fake
  const gStep = g + d + d + 2 * g; // G forward, D forward, D input gradients, G backward
  return dStep + gStep - (reuseFakes ? g : 0);
}

/** FLOPs per sample of one DCGAN step (the default config: 28×28, 5×5 kernels, channels 64/32 and 32/64). */
function dcganFlopsPerSample(reuseFakes = false) {
  const conv = (outPixels, k, cin, cout) => 2 * outPixels * k * k * cin * cout; // one product of a conv's three
  const deconv1 = conv(7 * 7, 5, 64, 32); // G: 7×7×64 → 14×14×32, as the input gradient of a 14×14 → 7×7 conv
  const deconv2 = conv(14 * 14, 5, 32, 1);
  const conv0 = conv(14 * 14, 5, 1, 32); // D: 28×28×1 → 14×14×32
  const conv1 = conv(7 * 7, 5, 32, 64);
  const g = 2 * 100 * 7 * 7 * 64 + deconv1 + deconv2;
  const d = conv0 + conv1 + 2 * 7 * 7 * 64;
  // D step: G forward; D forward on reals and fakes; D backward (filter gradients, conv1's input gradient)
  const dStep = g + 2 * (d + conv1 + conv1 + conv0 + 2 * 2 * 7 * 7 * 64);
  // G step: G forward, D forward, D input gradients, G backward (input and filter gradients)
  const gStep = g + d + (conv1 + conv0 + 2 * 7 * 7 * 64) + 2 * (deconv1 + deconv2) + 2 * 100 * 7 * 7 * 64;
  return dStep + gStep - (reuseFakes ? g : 0);
}

/** The torch row: best samples/s over 1 and 2 torch threads (median of 3 epochs each), or why it is skipped. */
async function torchGan() {
  const python = '/usr/bin/python3';
  const script = fileURLToPath(new URL('./torch-gan.py', import.meta.url));
  try {
    execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
  } catch {
    return { skipped: `PyTorch row skipped: ${python} has no torch (apt-get install python3-torch)` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'dlkit-torch-gan-'));
  try {
    const digits = await loadMnist({ split: 'all' }); // the 10,000 embedded digits in [0, 1]
    const data = join(dir, 'mnist10k.f32');
    writeFileSync(data, Buffer.from(digits.images.buffer, digits.images.byteOffset, digits.images.byteLength));
    const runs = [];
    for (const threads of [1, 2]) {
      const busy = await waitForQuiet({ maxS: 60 });
      const out = execFileSync(python, [script, data, '3', String(threads)], { encoding: 'utf8', timeout: 600_000 });
      const epochs = out
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      runs.push({ threads, samplesPerS: median(epochs.map((e) => e.samplesPerS)), version: epochs[0].torch, busy });
    }
    const best = runs.reduce((a, b) => (b.samplesPerS > a.samplesPerS ? b : a));
    const all = runs
      .map((r) => `${r.threads} thread${r.threads > 1 ? 's' : ''}: ${Math.round(r.samplesPerS)}, ${r.busy.toFixed(1)} cores busy before`)
      .join('; ');
    return { best: best.samplesPerS, threads: best.threads, version: best.version, all, blas: blasLibrary() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Which BLAS Debian's alternatives give torch (reference BLAS is ~20× slower than OpenBLAS here). */
function blasLibrary() {
  const link = '/etc/alternatives/libblas.so.3-x86_64-linux-gnu';
  if (!existsSync(link)) return 'BLAS unknown';
  const target = readlinkSync(link);
  return target.includes('openblas') ? `OpenBLAS (${target.split('/').at(-2)})` : `BLAS ${target}`;
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
function createReferenceGan(batch = 128, prefix = '') {
  const g = layers(generatorSizes, `${prefix}g`);
  const d = layers(discriminatorSizes, `${prefix}d`);
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
const busy = await waitForQuiet(); // before start-up: initBackend uses the cores idle then
const info = await initBackend('wasm');
const real = tf.randomUniform([batch, 784], -1, 1);
/** Classes for the conditional GAN's reals: the digits in turn. */
const realClasses = Int32Array.from({ length: batch }, (_, i) => i % 10);
// XNNPACK (every stock kernel) runs one thread while dlkit's GEMM runs (see initBackend's `threads`).
const threads = `${info.threads} wasm thread(s) for dlkit's kernels, XNNPACK's on 1`;

/** dlkit's kernels with the given GEMM build, or (null) tfjs's stock kernels and gradients. */
function use(variant) {
  setFastKernels(variant !== null);
  if (variant) setWasmGemm(variant);
}
/** A contender stepping `trainer` with the given kernels; `rounds` limits slow baselines. */
const stepping = (trainer, variant, rounds) => ({
  before: () => use(variant),
  run: () => (trainer.config?.classCount > 0 ? trainer.step(real, realClasses) : trainer.step(real)),
  rounds,
});

const mlp = { fma: createGanTrainer(), mulAdd: createGanTrainer(), stock: createReferenceGan(batch, 'stock') };
const mlpBatchNorm = createGanTrainer({ generatorNormalization: 'batch' });
// The demo's default model (cdcgan-bn): a class-conditional DCGAN with a batch-normalized G and 4×4 kernels,
// no dropout in D, the G step on the D step's fakes.
const demoDefault = createGanTrainer({
  model: 'dcgan',
  generatorNormalization: 'batch',
  kernelSize: 4,
  classCount: 10,
  dropout: 0,
  reuseFakes: true,
});
// reuseFakes: the G step scores the D step's fakes, as PyTorch's step below does (one G forward fewer).
const mlpReusing = createGanTrainer({ reuseFakes: true });
const dcganReusing = createGanTrainer({ model: 'dcgan', reuseFakes: true });
const reference = { fma: createReferenceGan(batch, 'fma'), mulAdd: createReferenceGan(batch, 'mulAdd') };
const dcgan = {
  fma: createGanTrainer({ model: 'dcgan' }),
  mulAdd: createGanTrainer({ model: 'dcgan' }),
  stock: createGanTrainer({ model: 'dcgan' }),
};
const seconds = await alternate(
  {
    mlpFma: stepping(mlp.fma, 'fma'),
    mlpMulAdd: stepping(mlp.mulAdd, 'mul-add'),
    mlpStock: stepping(mlp.stock, null, 3),
    mlpBatchNorm: stepping(mlpBatchNorm, 'fma'),
    demoDefault: stepping(demoDefault, 'fma'),
    mlpReusing: stepping(mlpReusing, 'fma'),
    dcganReusing: stepping(dcganReusing, 'fma'),
    referenceFma: stepping(reference.fma, 'fma'),
    referenceMulAdd: stepping(reference.mulAdd, 'mul-add'),
    dcganFma: stepping(dcgan.fma, 'fma'),
    dcganMulAdd: stepping(dcgan.mulAdd, 'mul-add'),
    dcganStock: stepping(dcgan.stock, null, 3),
  },
  { warmup: 2, rounds: 9 },
);
use('fma');
setWasmGemm('auto');
for (const trainer of [
  ...Object.values(mlp),
  mlpBatchNorm,
  demoDefault,
  mlpReusing,
  dcganReusing,
  ...Object.values(reference),
  ...Object.values(dcgan),
])
  trainer.dispose();

const perSecond = (s) => batch / s;
const quiet = `machine ${busy.toFixed(1)} cores busy before`;
emit({
  bench: 'gan',
  metric: 'MLP GAN train, batch 128: @dlkit/gan trainer',
  unit: 'samples/s',
  ours: perSecond(seconds.mlpFma),
  mulAdd: perSecond(seconds.mlpMulAdd),
  stock: perSecond(seconds.mlpStock),
  flopsPerUnit: ganFlopsPerSample(),
  note: `samples in columns, D on reals+fakes in one pass; stock: the reference step in tfjs ops and tf.train.adam; ${threads}; ${quiet}`,
});
emit({
  bench: 'gan',
  metric: 'MLP GAN train, batch 128: reference step',
  unit: 'samples/s',
  ours: perSecond(seconds.referenceFma),
  mulAdd: perSecond(seconds.referenceMulAdd),
  stock: perSecond(seconds.mlpStock),
  flopsPerUnit: ganFlopsPerSample(),
  note: `the stock column's step (dense, tf.train.adam) with dlkit's kernels on; ${threads}`,
});
emit({
  bench: 'gan',
  metric: 'MLP GAN, batch-normalized generator, batch 128: trainer samples/s',
  unit: 'samples/s',
  ours: perSecond(seconds.mlpBatchNorm),
  stock: perSecond(seconds.mlpFma),
  vs: 'MLP GAN',
  note: `generatorNormalization 'batch' (the demo's mlp-bn) against the reference MLP; both with dlkit's FMA GEMM; ${threads}`,
});
emit({
  bench: 'gan',
  metric: "the demo's default model (cdcgan-bn), batch 128: trainer samples/s",
  unit: 'samples/s',
  ours: perSecond(seconds.demoDefault),
  stock: perSecond(seconds.mlpFma),
  vs: 'MLP GAN',
  note: `class-conditional DCGAN, batch-normalized G, 4×4 kernels, no dropout in D, G stepping on D's fakes, against the reference MLP; both with dlkit's FMA GEMM; ${threads}`,
});
emit({
  bench: 'gan',
  metric: 'DCGAN train, batch 128: @dlkit/gan trainer',
  unit: 'samples/s',
  ours: perSecond(seconds.dcganFma),
  mulAdd: perSecond(seconds.dcganMulAdd),
  stock: perSecond(seconds.dcganStock),
  flopsPerUnit: dcganFlopsPerSample(),
  note: `model 'dcgan' (5×5 convs, 64/32 and 32/64 channels); stock: the same trainer on tfjs's kernels; ${threads}`,
});
emit({
  bench: 'gan',
  metric: 'DCGAN ÷ MLP GAN, batch 128: trainer samples/s',
  unit: 'samples/s',
  ours: perSecond(seconds.dcganFma),
  stock: perSecond(seconds.mlpFma),
  vs: 'MLP GAN',
  note: `target ≥ 0.5×; both with dlkit's FMA GEMM; ${threads}`,
});

emit({
  bench: 'gan',
  metric: 'MLP GAN train, batch 128, reuseFakes: @dlkit/gan trainer',
  unit: 'samples/s',
  ours: perSecond(seconds.mlpReusing),
  stock: perSecond(seconds.mlpFma),
  vs: 'fresh fakes',
  flopsPerUnit: ganFlopsPerSample(true),
  note: `the G step scores the D step's fakes (PyTorch's step): one G forward fewer; against the same trainer on fresh noise; FMA GEMM; ${threads}`,
});
emit({
  bench: 'gan',
  metric: 'DCGAN ÷ MLP GAN, batch 128, both reuseFakes: trainer samples/s',
  unit: 'samples/s',
  ours: perSecond(seconds.dcganReusing),
  stock: perSecond(seconds.mlpReusing),
  vs: 'MLP GAN',
  flopsPerUnit: dcganFlopsPerSample(true),
  note: `target ≥ 0.5×; the DCGAN reusing fakes ${Math.round(perSecond(seconds.dcganReusing))} samples/s (fresh: ${Math.round(perSecond(seconds.dcganFma))}); FMA GEMM; ${threads}`,
});

// The same MLP GAN in PyTorch CPU (Debian's python3-torch), on the same 10,000 digits, 1 and 2 torch threads.
const torch = await torchGan();
if (torch.skipped) {
  emit({
    bench: 'gan',
    metric: 'MLP GAN train, batch 128: PyTorch CPU',
    unit: 'samples/s',
    ours: perSecond(seconds.mlpFma),
    note: torch.skipped,
  });
} else {
  emit({
    bench: 'gan',
    metric: 'MLP GAN train, batch 128, the same step (reuseFakes): @dlkit/gan trainer vs PyTorch CPU',
    unit: 'samples/s',
    ours: perSecond(seconds.mlpReusing),
    stock: torch.best,
    vs: 'PyTorch',
    note: `PyTorch ${torch.version} (${torch.blas}) at its best thread count, ${torch.threads} (${torch.all}); both G steps reuse the D step's fakes; ${threads}`,
  });
  emit({
    bench: 'gan',
    metric: 'MLP GAN train, batch 128, fresh fakes (the default): @dlkit/gan trainer vs PyTorch CPU',
    unit: 'samples/s',
    ours: perSecond(seconds.mlpFma),
    mulAdd: perSecond(seconds.mlpMulAdd),
    stock: torch.best,
    vs: 'PyTorch',
    note: `dlkit's G step draws fresh noise (the Keras reference): one G forward (~9 % of the FLOPs) more than PyTorch's step; ${threads}`,
  });
}

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
