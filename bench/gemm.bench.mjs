// matMul at the MLP GAN's shapes (batch 128: each dense layer's forward x·W, input gradient dy·Wᵀ and weight
// gradient xᵀ·dy), in GFLOP/s: dlkit's GEMM with FMA (relaxed SIMD) and with mul+add, against stock
// tfjs-backend-wasm's XNNPACK on the untransposed equivalent product (operands transposed beforehand: stock
// runs transposed products 10–50× slower), with a fresh right-hand operand each call as in training
// (XNNPACK packs it every time a buffer is new). Rounds alternate the three; medians of 5, each product
// measured once the machine is quiet (30 s at most).
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, setFastKernels, setWasmGemm } from '@dlkit/backend';
import { alternate, emit, waitForQuiet } from './harness.mjs';

const batch = 128;
const layers = [
  ['G1', 100, 256],
  ['G2', 256, 512],
  ['G3', 512, 1024],
  ['G4', 1024, 784],
  ['D1', 784, 1024],
  ['D2', 1024, 512],
  ['D3', 512, 256],
  ['D4', 256, 1],
];
const products = layers.flatMap(([layer, input, output]) => [
  { name: `${layer} ${input}→${output} fwd`, transposeA: false, transposeB: false, m: batch, n: output, k: input },
  { name: `${layer} ${input}→${output} dx`, transposeA: false, transposeB: true, m: batch, n: input, k: output },
  { name: `${layer} ${input}→${output} dW`, transposeA: true, transposeB: false, m: input, n: output, k: batch },
]);
products.push({ name: 'square 512³', transposeA: false, transposeB: false, m: 512, n: 512, k: 512 });

await waitForQuiet(); // before start-up: initBackend uses the cores idle then
// Started with the GEMM off, XNNPACK gets every thread (with it on, XNNPACK keeps one: see initBackend);
// products alone leave its pool idle between calls, so it takes no core from the GEMM's workers.
setWasmGemm('off');
const info = await initBackend('wasm');
const shape = ({ transposeA, transposeB, m, n, k }) =>
  `${transposeA ? `[${k},${m}]ᵀ` : `[${m},${k}]`}·${transposeB ? `[${n},${k}]ᵀ` : `[${k},${n}]`}`;

/** GFLOP/s of `product` over at least 20 ms of calls, each on a fresh copy of b made outside the clock. */
function rate(p, a, b, transposeA, transposeB) {
  let calls = 0;
  let ms = 0;
  while (ms < 20) {
    const fresh = tf.add(b, 0);
    const start = performance.now();
    const c = tf.matMul(a, fresh, transposeA, transposeB);
    ms += performance.now() - start;
    tf.dispose([fresh, c]);
    calls++;
  }
  return (2 * p.m * p.n * p.k * calls) / (ms * 1e6);
}

/** dlkit's kernels with the given GEMM build (the stock contender turns them off). */
function use(variant) {
  setFastKernels(true);
  setWasmGemm(variant);
}

for (const p of products) {
  const busy = await waitForQuiet({ maxS: 30 });
  const a = tf.randomUniform(p.transposeA ? [p.k, p.m] : [p.m, p.k], -0.5, 0.5);
  const b = tf.randomUniform(p.transposeB ? [p.n, p.k] : [p.k, p.n], -0.5, 0.5);
  const a0 = p.transposeA ? tf.transpose(a) : tf.clone(a);
  const b0 = p.transposeB ? tf.transpose(b) : tf.clone(b);
  const rates = { fma: [], mulAdd: [], stock: [] };
  // alternate() times each run; the rate is what matters here, collected as a side effect
  await alternate(
    {
      fma: { before: () => use('fma'), run: () => rates.fma.push(rate(p, a, b, p.transposeA, p.transposeB)) },
      mulAdd: { before: () => use('mul-add'), run: () => rates.mulAdd.push(rate(p, a, b, p.transposeA, p.transposeB)) },
      stock: { before: () => setFastKernels(false), run: () => rates.stock.push(rate(p, a0, b0, false, false)) },
    },
    { warmup: 1, rounds: 5 },
  );
  setFastKernels(true);
  setWasmGemm('auto');
  const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
  const [fma, mulAdd, stock] = [rates.fma.slice(1), rates.mulAdd.slice(1), rates.stock.slice(1)].map(median);
  emit({
    bench: 'gemm',
    metric: `matMul ${p.name} ${shape(p)}`,
    unit: 'GFLOP/s',
    ours: fma,
    mulAdd,
    stock,
    vs: 'XNNPACK',
    note: `${(2 * p.m * p.n * p.k * 1e-6).toFixed(2)} MFLOP; ${info.threads} thread(s); machine ${busy.toFixed(1)} cores busy before`,
  });
  tf.dispose([a, b, a0, b0]);
}
