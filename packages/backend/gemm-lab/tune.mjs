// Single-thread GFLOP/s of micro-kernel blockings on a few shapes, to choose MR, NR, unroll, KC, MC.
// node gemm-lab/tune.mjs [reps]   (medians of `reps` timings, each ≥ 30 ms; variants interleaved per repetition)
import { gemmModule } from './gen-gemm.mjs';
import { bumpAllocator, instantiateGemm } from './gemm.mjs';

const reps = Number(process.argv[2] ?? 5);
const variants = (
  process.env.TUNE_VARIANTS
    ? JSON.parse(process.env.TUNE_VARIANTS)
    : [
        { mr: 4, nr: 8, unroll: 4 },
        { mr: 4, nr: 8, unroll: 8 },
        { mr: 5, nr: 8, unroll: 4 },
        { mr: 6, nr: 8, unroll: 4 },
        { mr: 6, nr: 8, unroll: 2 },
        { mr: 8, nr: 4, unroll: 4 },
        { mr: 3, nr: 12, unroll: 4 },
        { mr: 4, nr: 12, unroll: 4 },
        { mr: 2, nr: 16, unroll: 4 },
        { mr: 6, nr: 8, unroll: 4, kc: 128 },
        { mr: 6, nr: 8, unroll: 4, kc: 512 },
        { mr: 4, nr: 8, unroll: 4, fma: false },
        { mr: 6, nr: 8, unroll: 4, fma: false },
      ]
).map((v) => ({ ...v, ...JSON.parse(process.env.TUNE_EXTRA ?? '{}') }));
const shapes = [
  // [transA, transB, M, N, K]
  [0, 0, 512, 512, 512],
  [0, 0, 128, 784, 1024],
  [0, 1, 128, 1024, 784],
  [1, 0, 1024, 784, 128],
];

const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
const alloc = bumpAllocator(memory);
const built = [];
for (const v of variants) {
  const { module, options } = await gemmModule(v);
  const g = instantiateGemm(module, memory);
  built.push({ g, options, scratch: alloc(g.scratchBytes.value) });
}
const operands = shapes.map(([ta, tb, m, n, k]) => {
  const a = alloc(m * k * 4);
  const b = alloc(k * n * 4);
  const c = alloc(m * n * 4);
  const f = new Float32Array(memory.buffer);
  for (let i = 0; i < m * k; i++) f[a / 4 + i] = Math.random() - 0.5;
  for (let i = 0; i < k * n; i++) f[b / 4 + i] = Math.random() - 0.5;
  return { ta, tb, m, n, k, a, b, c };
});

function time({ g, scratch }, { ta, tb, m, n, k, a, b, c }) {
  const flops = 2 * m * n * k;
  const run = () => g.gemm(ta, tb, k, a, ta ? m : k, b, tb ? k : n, c, n, 0, 0, m, 0, n, scratch);
  let calls = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) run();
    const ms = performance.now() - t0;
    if (ms > 30) return (flops * calls) / (ms * 1e6);
    calls *= 2;
  }
}

// Warm up (Liftoff → TurboFan tier-up) every variant on every shape.
for (const v of built) for (const s of operands) for (let i = 0; i < 3; i++) time(v, s);
const results = built.map(() => operands.map(() => []));
for (let r = 0; r < reps; r++)
  for (const [i, v] of built.entries()) for (const [j, s] of operands.entries()) results[i][j].push(time(v, s));
const median = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
console.log(
  `variant${' '.repeat(44)}${shapes.map(([ta, tb, m, n, k]) => `${ta ? 'T' : 'N'}${tb ? 'T' : 'N'} ${m}×${n}×${k}`.padStart(18)).join('')}`,
);
built.forEach((v, i) => {
  const { mr, nr, unroll, kc, mc, fma } = v.options;
  const name = `MR ${mr} NR ${nr} U ${unroll} KC ${kc} MC ${mc} ${fma ? 'FMA' : 'mul+add'}`;
  console.log(`${name.padEnd(51)}${results[i].map((xs) => median(xs).toFixed(1).padStart(18)).join('')}`);
});
