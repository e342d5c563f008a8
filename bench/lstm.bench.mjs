// The LSTM's analytic backward (`lstm` from @dlkit/lstm-grad/tfjs) against tf.grads of the same forward
// (`lstmAutodiff`) on wasm: batch 64, input 64, hidden 128, 50 steps. "stock" is tfjs's own gradients;
// where @dlkit/backend offers setFastKernels, a third row shows tf.grads with dlkit's faster matMul gradients.
// dlkit's rows run with the FMA GEMM and with the mul+add one (setWasmGemm), interleaved.
import * as backend from '@dlkit/backend';
import { lstm, lstmAutodiff } from '@dlkit/lstm-grad/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import { emit, waitForQuiet } from './harness.mjs';

const [T, B, X, H] = [50, 64, 64, 128];
await waitForQuiet(); // before start-up: initBackend uses the cores idle then
const info = await backend.initBackend('wasm', { env: {} });
const x = tf.randomNormal([T, B, X], 0, 1, 'float32', 1);
const W = tf.randomNormal([4 * H, H + X], 0, 1 / Math.sqrt(H + X), 'float32', 2);
const b = tf.zeros([4 * H]);
const dh = tf.randomNormal([T, B, H], 0, 1, 'float32', 3);
const fastKernels = typeof backend.setFastKernels === 'function' ? backend.setFastKernels : undefined;

// One training step's gradient work: L = Σ dh ⊙ h over every step; gradients for x, W and b.
// `fast`: dlkit's kernels with that GEMM build ('fma', 'mul-add'), or false for tfjs's stock ones.
const gradientStep = (op, fast) => () => {
  fastKernels?.(fast !== false);
  if (fast) backend.setWasmGemm?.(fast);
  const grads = tf.grads((x, W, b) => tf.sum(tf.mul(op(x, { W, b }).h, dh)))([x, W, b]);
  for (const grad of grads) grad.dataSync();
  tf.dispose(grads);
};
const forwardOnly = () => {
  const out = lstm(x, { W, b });
  out.h.dataSync();
  tf.dispose([out.h, out.hT, out.cT]);
};
const contenders = {
  ours: gradientStep(lstm, 'fma'),
  oursMulAdd: gradientStep(lstm, 'mul-add'),
  stock: gradientStep(lstmAutodiff, false),
  ...(fastKernels ? { fastAutodiff: gradientStep(lstmAutodiff, 'fma'), fastAutodiffMulAdd: gradientStep(lstmAutodiff, 'mul-add') } : {}),
  forward: () => {
    fastKernels?.(true);
    backend.setWasmGemm?.('fma');
    forwardOnly();
  },
};

// Interleaved rounds, so a busy machine slows every contender alike; medians of 7 after a warm-up.
const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
// Each round starts one contender later: which one follows which (variant switches, GC) is not a bias.
const entries = Object.entries(contenders);
for (let round = 0; round < 8; round++) {
  for (const [name, run] of [...entries.slice(round % entries.length), ...entries.slice(0, round % entries.length)]) {
    const start = performance.now();
    run();
    if (round > 0) times[name].push((performance.now() - start) / 1000);
  }
}
fastKernels?.(true);
backend.setWasmGemm?.('auto');
const median = (values) => [...values].sort((p, q) => p - q)[Math.floor(values.length / 2)];
const seconds = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));

// Multiply-adds ×2: forward W·[h; x] per step; backward W_hᵀ·δẑ per step, then dW and dx over all steps.
const forwardFlops = 2 * T * 4 * H * (H + X);
const backwardFlops = 2 * T * 4 * H * H + 2 * T * 4 * H * (H + X) + 2 * T * 4 * H * X;
const sizes = `T=${T} batch=${B} X=${X} H=${H}, ${info.name}${info.simd ? ' SIMD' : ''}`;
const ms = (value) => `${(value * 1e3).toFixed(0)} ms`;
emit({
  bench: 'lstm',
  metric: 'forward + backward, analytic vs tf.grads',
  unit: 'samples/s',
  ours: B / seconds.ours,
  mulAdd: B / seconds.oursMulAdd,
  stock: B / seconds.stock,
  flopsPerUnit: forwardFlops + backwardFlops,
  note: `${sizes}, ${info.threads} thread(s) for dlkit's kernels, XNNPACK's on 1; median ${ms(seconds.ours)} vs ${ms(seconds.stock)}`,
});
emit({
  bench: 'lstm',
  metric: 'backward only, analytic vs tf.grads',
  unit: 'samples/s',
  ours: B / (seconds.ours - seconds.forward),
  stock: B / (seconds.stock - seconds.forward),
  flopsPerUnit: backwardFlops,
  note: `step minus the shared ${ms(seconds.forward)} forward`,
});
if (seconds.fastAutodiff !== undefined) {
  emit({
    bench: 'lstm',
    metric: 'forward + backward, analytic vs tf.grads with dlkit fast matMul gradients',
    unit: 'samples/s',
    ours: B / seconds.ours,
    mulAdd: B / seconds.oursMulAdd,
    stock: B / seconds.fastAutodiff,
    vs: 'tf.grads, dlkit kernels',
    flopsPerUnit: forwardFlops + backwardFlops,
    note: `median ${ms(seconds.ours)} vs ${ms(seconds.fastAutodiff)}`,
  });
}
tf.dispose([x, W, b, dh]);
