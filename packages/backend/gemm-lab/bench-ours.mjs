// GFLOP/s of the lab GEMM on the GAN's products: mul+add 1 thread, FMA 1 thread, FMA 2 threads (the
// caller and one worker on one shared memory). Variants interleaved per repetition, medians reported.
// node gemm-lab/bench-ours.mjs [reps] [--json]
import { gemmModule } from './gen-gemm.mjs';
import { bumpAllocator, instantiateGemm } from './gemm.mjs';
import { GemmPool } from './pool.mjs';
import { allShapes, flops } from './shapes.mjs';

const reps = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
const json = process.argv.includes('--json');
const minMs = 20;

const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
const alloc = bumpAllocator(memory);
const fma = await gemmModule({ shared: true });
const plain = await gemmModule({ shared: true, fma: false });
const plainGemm = instantiateGemm(plain.module, memory);
const plainScratch = alloc(plainGemm.scratchBytes.value);
const pool = await GemmPool.create({ module: fma.module, memory, alloc, threads: 2 });

const operands = allShapes.map((s) => {
  const a = alloc(s.m * s.k * 4);
  const b = alloc(s.k * s.n * 4);
  const c = alloc(s.m * s.n * 4);
  const f = new Float32Array(memory.buffer);
  for (let i = 0; i < s.m * s.k; i++) f[a / 4 + i] = Math.random() - 0.5;
  for (let i = 0; i < s.k * s.n; i++) f[b / 4 + i] = Math.random() - 0.5;
  return { ...s, a, b, c };
});

const variants = {
  ourPlain1: (s) =>
    plainGemm.gemm(
      s.transA,
      s.transB,
      s.k,
      s.a,
      s.transA ? s.m : s.k,
      s.b,
      s.transB ? s.k : s.n,
      s.c,
      s.n,
      0,
      0,
      s.m,
      0,
      s.n,
      plainScratch,
    ),
  ourFma1: (s) => pool.gemm(s.transA, s.transB, s.m, s.n, s.k, s.a, s.b, s.c, 0, 1),
  ourFma2: (s) => pool.gemm(s.transA, s.transB, s.m, s.n, s.k, s.a, s.b, s.c, 0, 2),
};

function rate(run, s) {
  let calls = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) run(s);
    const ms = performance.now() - t0;
    if (ms >= minMs) return (flops(s) * calls) / (ms * 1e6);
    calls = Math.max(calls * 2, Math.ceil((calls * minMs * 1.2) / Math.max(ms, 1e-3)));
  }
}

for (const run of Object.values(variants)) for (const s of operands) for (let i = 0; i < 3; i++) rate(run, s);
const samples = operands.map(() => Object.fromEntries(Object.keys(variants).map((v) => [v, []])));
for (let r = 0; r < reps; r++)
  for (const [i, s] of operands.entries()) for (const [name, run] of Object.entries(variants)) samples[i][name].push(rate(run, s));
const median = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const rows = operands.map((s, i) => ({
  layer: s.layer,
  kind: s.kind,
  ...Object.fromEntries(Object.entries(samples[i]).map(([name, xs]) => [name, median(xs)])),
}));
await pool.close();
if (json) console.log(JSON.stringify(rows));
else for (const row of rows) console.log(JSON.stringify(row));
