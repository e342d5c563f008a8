// The lab's one benchmark run: the machine's WASM limits (peak.mjs), then `cycles` rounds of [ours,
// XNNPACK 1 thread, XNNPACK 2 threads] (each in its own process, alternated so that they share the
// machine's load), medians across rounds; prints the REPORT.md table and writes results/latest.json.
// Each child's CPU time and the machine's other load (busy cores not ours) are recorded: the machine is
// shared, and 2-thread numbers mean little when the second core is busy.
// node gemm-lab/bench.mjs [cycles] [reps per child]   (pnpm build first: XNNPACK runs through @dlkit/backend)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { allShapes, flops, ganProducts, label } from './shapes.mjs';

const cycles = Number(process.argv[2] ?? 3);
const reps = Number(process.argv[3] ?? 3);
const here = (file) => fileURLToPath(new URL(file, import.meta.url));

function machineTimes() {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}

/** Runs a child; returns its last stdout line parsed, and the other processes' load (cores) meanwhile. */
function child(args) {
  const before = machineTimes();
  const wall0 = performance.now();
  const out = execFileSync(process.execPath, ['--expose-gc', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - wall0;
  const after = machineTimes();
  const cores = cpus().length;
  const total = after.total - before.total;
  const busyCores = total > 0 ? ((total - (after.idle - before.idle)) / total) * cores : 0;
  const json = out
    .trim()
    .split('\n')
    .findLast((line) => line.startsWith('{') || line.startsWith('['));
  return { result: JSON.parse(json), busyCores, wallMs };
}

const peak = child([here('./peak.mjs'), '5']).result;
const rounds = [];
for (let c = 0; c < cycles; c++) {
  const ours = child([here('./bench-ours.mjs'), String(reps), '--json']);
  const xnn1 = child([here('./bench-xnnpack.mjs'), '1', String(reps)]);
  const xnn2 = child([here('./bench-xnnpack.mjs'), '2', String(reps)]);
  rounds.push({ ours, xnn1, xnn2 });
  process.stderr.write(
    `round ${c + 1}/${cycles}: busy cores (ours, xnn 1t, xnn 2t, whole machine): ${[ours, xnn1, xnn2].map((r) => r.busyCores.toFixed(2)).join(', ')}\n`,
  );
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const columns = ['xnnFresh1', 'xnnCached1', 'today1', 'xnnFresh2', 'xnnCached2', 'today2', 'ourPlain1', 'ourFma1', 'ourFma2'];
const rows = allShapes.map((shape, i) => {
  const row = { ...shape, label: label(shape), gflop: flops(shape) / 1e9 };
  for (const column of columns) {
    const values = rounds.map((r) => r.ours.result[i][column] ?? r.xnn1.result[i][column] ?? r.xnn2.result[i][column]);
    row[column] = median(values);
    row[`${column}Max`] = Math.max(...values);
  }
  return row;
});

/** Milliseconds of one GAN step's products at each column's rates. */
const stepMs = Object.fromEntries(
  columns.map((column) => [
    column,
    ganProducts.reduce(
      (sum, p) => sum + (p.perStep * flops(p)) / (rows.find((r) => r.layer === p.layer && r.kind === p.kind)[column] * 1e6),
      0,
    ),
  ]),
);

const f = (x) => (x >= 10 ? x.toFixed(0) : x.toFixed(1));
const lines = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model}, ${process.version}; WASM limits measured: clock ≈ ${peak.clockGHz.toFixed(2)} GHz, ` +
    `${peak.fmaPerCycle.toFixed(2)} f32x4.relaxed_madd/cycle (latency ${peak.fmaLatencyCycles.toFixed(1)} cycles) → one-core peak ${peak.peakGflops.toFixed(1)} GFLOP/s, two cores ${(2 * peak.peakGflops).toFixed(0)}.`,
  `Medians of ${cycles} rounds × ${reps} repetitions; other load during the rounds (busy cores, whole machine incl. us): ` +
    rounds.map((r) => `${r.ours.busyCores.toFixed(1)}/${r.xnn1.busyCores.toFixed(1)}/${r.xnn2.busyCores.toFixed(1)}`).join(', '),
  '',
  '| product (batch 128) | op(A)·op(B) | MFLOP | XNNPACK 1t fresh / cached | XNNPACK 2t fresh / cached | today 1t / 2t | ours mul+add 1t | ours FMA 1t | ours FMA 2t | FMA 1t ÷ XNN 1t fresh | FMA 2t ÷ XNN 2t fresh |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.layer} ${r.kind} | ${r.label} | ${(r.gflop * 1000).toFixed(1)} | ${f(r.xnnFresh1)} / ${f(r.xnnCached1)} | ${f(r.xnnFresh2)} / ${f(r.xnnCached2)} | ` +
      `${f(r.today1)} / ${f(r.today2)} | ${f(r.ourPlain1)} | ${f(r.ourFma1)} | ${f(r.ourFma2)} (max ${f(r.ourFma2Max)}) | ${(r.ourFma1 / r.xnnFresh1).toFixed(2)} | ${(r.ourFma2 / r.xnnFresh2).toFixed(2)} |`,
  ),
  '',
  `GAN step's products (${(ganProducts.reduce((s, p) => s + p.perStep * flops(p), 0) / 1e9).toFixed(2)} GFLOP) at these rates, ms: ` +
    columns.map((c) => `${c} ${stepMs[c].toFixed(1)}`).join(', '),
];
console.log(lines.join('\n'));
mkdirSync(here('./results'), { recursive: true });
writeFileSync(
  here('./results/latest.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, peak, rounds: rounds.map((r) => ({ ours: r.ours.busyCores, xnn1: r.xnn1.busyCores, xnn2: r.xnn2.busyCores })), rows, stepMs }, null, 2)}\n`,
);
