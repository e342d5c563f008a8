// The MLP GAN trainer (@dlkit/gan's createGanTrainer, batch 128) with its BatchMatMul kernel served by the
// lab GEMM, against today's kernel (dlkit's untransposed XNNPACK path), alternated in one process:
// a prototype of the integration, with no change to src/. The lab kernel runs on tfjs-backend-wasm's memory
// (its operands where tfjs keeps them, its output made by the backend, scratch from _malloc); with
// threads > 1 the threaded build's shared heap and the lab's worker pool.
// node gemm-lab/gan-ab.mjs <threads> [rounds]   (pnpm build first)   → one JSON line
// GEMM_SPIN_US: how long idle GEMM workers spin before sleeping (default 50 µs).
import { initBackend, kernelBreakdown } from '@dlkit/backend';
import { createGanTrainer } from '@dlkit/gan';
import * as tf from '@tensorflow/tfjs-core';
import { gemmModule } from './gen-gemm.mjs';
import { hasRelaxedSimd, instantiateGemm } from './gemm.mjs';
import { GemmPool } from './pool.mjs';

const threads = Number(process.argv[2] ?? 1);
const rounds = Number(process.argv[3] ?? 5);
const info = await initBackend('wasm', { threads, env: {} });
const backend = tf.backend();
const memory = backend.wasm.wasmMemory ?? backend.wasm.asm?.memory;
const shared = memory.buffer instanceof SharedArrayBuffer;
const fma = hasRelaxedSimd();
const { module } = await gemmModule({ shared, fma });
const alloc = (bytes) => backend.wasm._malloc(bytes);
let gemm;
let pool;
if (shared && info.threads > 1) {
  pool = await GemmPool.create({ module, memory, alloc, threads: info.threads, spinUs: Number(process.env.GEMM_SPIN_US ?? 50) });
  gemm = (transA, transB, m, n, k, a, b, c) => pool.gemm(transA, transB, m, n, k, a, b, c);
} else {
  const x = instantiateGemm(module, memory);
  const scratch = alloc(x.scratchBytes.value);
  gemm = (transA, transB, m, n, k, a, b, c) =>
    x.gemm(transA, transB, k, a, transA ? m : k, b, transB ? k : n, c, n, 0, 0, m, 0, n, scratch);
}

const today = tf.getKernel(tf.BatchMatMul, 'wasm');
const size = (shape) => shape.reduce((p, d) => p * d, 1);
const lab = {
  ...today,
  kernelFunc(args) {
    const { a, b } = args.inputs;
    const { transposeA, transposeB } = args.attrs;
    const ra = a.shape.length;
    const rb = b.shape.length;
    const outer = ra >= rb ? a.shape.slice(0, -2) : b.shape.slice(0, -2);
    if (a.dtype !== 'float32' || b.dtype !== 'float32' || size(a.shape.slice(0, -2)) !== 1 || size(b.shape.slice(0, -2)) !== 1) {
      return today.kernelFunc(args);
    }
    const m = a.shape[transposeA ? ra - 1 : ra - 2];
    const k = a.shape[transposeA ? ra - 2 : ra - 1];
    const n = b.shape[transposeB ? rb - 2 : rb - 1];
    if (m * n * k === 0) return today.kernelFunc(args);
    const out = backend.makeOutput([...outer, m, n], 'float32');
    const address = (t) => backend.dataIdMap.get(t.dataId).memoryOffset;
    gemm(transposeA ? 1 : 0, transposeB ? 1 : 0, m, n, k, address(a), address(b), address(out));
    return out;
  },
};
function use(kernel) {
  tf.unregisterKernel(tf.BatchMatMul, 'wasm');
  tf.registerKernel(kernel);
}

const batch = 128;
const real = tf.randomUniform([batch, 784], -1, 1);
function stepMs(kernel, steps) {
  use(kernel);
  const trainer = createGanTrainer();
  try {
    for (let i = 0; i < 2; i++) trainer.step(real);
    const times = [];
    for (let i = 0; i < steps; i++) {
      const t0 = performance.now();
      trainer.step(real);
      times.push(performance.now() - t0);
    }
    return times.sort((x, y) => x - y)[Math.floor(steps / 2)];
  } finally {
    trainer.dispose();
  }
}

// Same losses from both kernels on the same trainer state (first step from the same seed).
function firstLosses(kernel) {
  use(kernel);
  const trainer = createGanTrainer();
  const losses = trainer.step(real);
  trainer.dispose();
  return losses;
}
const lossesToday = firstLosses(today);
const lossesLab = firstLosses(lab);

const samples = { today: [], lab: [] };
for (let r = 0; r < rounds; r++) {
  samples.today.push(stepMs(today, 7));
  samples.lab.push(stepMs(lab, 7));
}
async function breakdownWith(kernel) {
  use(kernel);
  const trainer = createGanTrainer();
  trainer.step(real);
  const kernels = await kernelBreakdown(() => trainer.step(real));
  trainer.dispose();
  return kernels.slice(0, 5).map(({ kernel, ms, calls }) => ({ kernel, ms, calls }));
}
const todayBreakdown = await breakdownWith(today);
const labBreakdown = await breakdownWith(lab);
use(today);
await pool?.close();
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const todayMs = median(samples.today);
const labMs = median(samples.lab);
console.log(
  JSON.stringify({
    threads: info.threads,
    shared,
    fma,
    todayMs,
    labMs,
    todaySamplesPerS: (batch * 1000) / todayMs,
    labSamplesPerS: (batch * 1000) / labMs,
    speedup: todayMs / labMs,
    rounds: samples,
    lossesToday,
    lossesLab,
    spinUs: pool ? Atomics.load(pool.words, 7) : undefined,
    todayBreakdown,
    labBreakdown,
  }),
);
