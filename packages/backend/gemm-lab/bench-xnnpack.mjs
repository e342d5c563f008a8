// GFLOP/s of tfjs-backend-wasm (XNNPACK) on the GAN's products, with `threads` threads (initBackend from the
// built @dlkit/backend: run `pnpm build` first). Three ways per product, all on fresh operand buffers
// (in training every operand is new each step: weights after an update, activations, gradients):
//  xnnFresh  XNNPACK on the untransposed equivalent product (operands pre-transposed), B new each call,
//            so XNNPACK packs B each time as in training;
//  xnnCached the same with the same B every call (XNNPACK's operator cache keeps B packed): its best case;
//  today     tf.matMul(a, b, transposeA, transposeB) with dlkit's fast kernels on (transposes materialized
//            by dlkit's kernel, then XNNPACK), a and b new each call.
// node gemm-lab/bench-xnnpack.mjs <threads> [reps]   prints one JSON array.
import { initBackend, setFastKernels } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { allShapes, flops } from './shapes.mjs';

const threads = Number(process.argv[2] ?? 1);
const reps = Number(process.argv[3] ?? 5);
const minMs = 20;
const info = await initBackend('wasm', { threads });
if (info.threads !== threads) throw new Error(`asked for ${threads} wasm threads, got ${info.threads}`);
setFastKernels(true);

const fresh = (x) => tf.add(x, tf.scalar(0));
const operands = allShapes.map((s) => {
  const aShape = s.transA ? [s.k, s.m] : [s.m, s.k];
  const bShape = s.transB ? [s.n, s.k] : [s.k, s.n];
  return {
    ...s,
    a: tf.randomUniform(aShape, -0.5, 0.5),
    b: tf.randomUniform(bShape, -0.5, 0.5),
    a0: tf.randomUniform([s.m, s.k], -0.5, 0.5),
    b0: tf.randomUniform([s.k, s.n], -0.5, 0.5),
  };
});

// Each returns the milliseconds of its timed part: operand copies are made before the clock starts.
const variants = {
  xnnFresh(s) {
    const b = fresh(s.b0);
    const t0 = performance.now();
    const c = tf.matMul(s.a0, b);
    const ms = performance.now() - t0;
    tf.dispose([b, c]);
    return ms;
  },
  xnnCached(s) {
    const t0 = performance.now();
    const c = tf.matMul(s.a0, s.b0);
    const ms = performance.now() - t0;
    c.dispose();
    return ms;
  },
  today(s) {
    const a = fresh(s.a);
    const b = fresh(s.b);
    const t0 = performance.now();
    const c = tf.matMul(a, b, Boolean(s.transA), Boolean(s.transB));
    const ms = performance.now() - t0;
    tf.dispose([a, b, c]);
    return ms;
  },
};

function rate(run, s) {
  let ms = 0;
  let calls = 0;
  while (ms < minMs) {
    ms += run(s);
    calls++;
  }
  return (flops(s) * calls) / (ms * 1e6);
}

for (const run of Object.values(variants)) for (const s of operands) for (let i = 0; i < 2; i++) rate(run, s);
const samples = operands.map(() => Object.fromEntries(Object.keys(variants).map((v) => [v, []])));
for (let r = 0; r < reps; r++)
  for (const [i, s] of operands.entries()) for (const [name, run] of Object.entries(variants)) samples[i][name].push(rate(run, s));
const median = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
console.log(
  JSON.stringify(
    operands.map((s, i) => ({
      layer: s.layer,
      kind: s.kind,
      ...Object.fromEntries(Object.entries(samples[i]).map(([name, xs]) => [`${name}${threads}`, median(xs)])),
    })),
  ),
);
