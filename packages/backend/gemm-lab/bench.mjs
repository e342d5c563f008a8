// The lab's one benchmark run: the machine's WASM limits (peak.mjs), then `cycles` rounds of [ours,
// XNNPACK 1 thread, XNNPACK 2 threads] (each in its own process, alternated so that they share the
// machine's load), medians across rounds; prints the REPORT.md table and writes results/latest.json.
// Each child's CPU time and the machine's other load (busy cores not ours) are recorded: the machine is
// shared, and 2-thread numbers mean little when the second core is busy.
// Each child starts only once the machine has been quiet (< 0.3 busy cores) for a second.
// --gan: each round also runs gan-ab.mjs (the GAN trainer, today's kernel against the lab's) at 1 and 2 threads.
// node gemm-lab/bench.mjs [cycles] [reps per child] [--gan]   (pnpm build first: XNNPACK runs through @dlkit/backend)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { allShapes, flops, ganProducts, label } from './shapes.mjs';

const cycles = Number(process.argv[2] ?? 3);
const reps = Number(process.argv[3] ?? 3);
const withGan = process.argv.includes('--gan');
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

/** Waits (up to `maxS` seconds) until the machine's busy cores, sampled over 1 s, are below `limit`. */
async function quiet(limit = 0.3, maxS = 600) {
  const start = performance.now();
  for (;;) {
    const before = machineTimes();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = machineTimes();
    const total = after.total - before.total;
    const busy = total > 0 ? ((total - (after.idle - before.idle)) / total) * cpus().length : 0;
    if (busy < limit) return busy;
    if (performance.now() - start > maxS * 1000) {
      process.stderr.write(`machine still busy (${busy.toFixed(2)} cores) after ${maxS} s: measuring anyway\n`);
      return busy;
    }
  }
}

/** Runs a child once the machine is quiet; returns its last JSON line parsed, and the busy cores (ours included) meanwhile. */
async function child(args) {
  await quiet();
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

const peak = (await child([here('./peak.mjs'), '5'])).result;
const rounds = [];
for (let c = 0; c < cycles; c++) {
  const ours = await child([here('./bench-ours.mjs'), String(reps), '--json']);
  const xnn1 = await child([here('./bench-xnnpack.mjs'), '1', String(reps)]);
  const xnn2 = await child([here('./bench-xnnpack.mjs'), '2', String(reps)]);
  const gan = withGan ? [await child([here('./gan-ab.mjs'), '1', '3']), await child([here('./gan-ab.mjs'), '2', '3'])] : [];
  rounds.push({ ours, xnn1, xnn2, gan });
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

const bestRows = rows.map((r) => ({ ...r, ...Object.fromEntries(columns.map((column) => [column, r[`${column}Max`]])) }));
const header = [
  '| product (batch 128) | op(A)·op(B) | MFLOP | XNNPACK 1t fresh / cached | XNNPACK 2t fresh / cached | today 1t / 2t | ours mul+add 1t | ours FMA 1t | ours FMA 2t | FMA 1t ÷ XNN 1t fresh | FMA 2t ÷ XNN 2t fresh |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];

/** Milliseconds of one GAN step's products at each column's rates. */
const stepMsOf = (table) =>
  Object.fromEntries(
    columns.map((column) => [
      column,
      ganProducts.reduce(
        (sum, p) => sum + (p.perStep * flops(p)) / (table.find((r) => r.layer === p.layer && r.kind === p.kind)[column] * 1e6),
        0,
      ),
    ]),
  );
const stepMs = stepMsOf(rows);
const bestStepMs = stepMsOf(bestRows);

const f = (x) => (x >= 10 ? x.toFixed(0) : x.toFixed(1));
const lines = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model}, ${process.version}; WASM limits measured: clock ≈ ${peak.clockGHz.toFixed(2)} GHz, ` +
    `${peak.fmaPerCycle.toFixed(2)} f32x4.relaxed_madd/cycle (latency ${peak.fmaLatencyCycles.toFixed(1)} cycles) → one-core peak ${peak.peakGflops.toFixed(1)} GFLOP/s, two cores ${(2 * peak.peakGflops).toFixed(0)}.`,
  `Medians of ${cycles} rounds × ${reps} repetitions; other load during the rounds (busy cores, whole machine incl. us): ` +
    rounds.map((r) => `${r.ours.busyCores.toFixed(1)}/${r.xnn1.busyCores.toFixed(1)}/${r.xnn2.busyCores.toFixed(1)}`).join(', '),
  '',
  ...header,
  ...[rows, bestRows].flatMap((table, t) => [
    ...(t
      ? ['', `Best of the ${cycles * reps} timings (the least disturbed by other processes; 2-thread columns suffer most):`, '', ...header]
      : []),
    ...table.map(
      (r) =>
        `| ${r.layer} ${r.kind} | ${r.label} | ${(r.gflop * 1000).toFixed(1)} | ${f(r.xnnFresh1)} / ${f(r.xnnCached1)} | ${f(r.xnnFresh2)} / ${f(r.xnnCached2)} | ` +
        `${f(r.today1)} / ${f(r.today2)} | ${f(r.ourPlain1)} | ${f(r.ourFma1)} | ${f(r.ourFma2)} | ${(r.ourFma1 / r.xnnFresh1).toFixed(2)} | ${(r.ourFma2 / r.xnnFresh2).toFixed(2)} |`,
    ),
  ]),
  '',
  `GAN step's products (${(ganProducts.reduce((s, p) => s + p.perStep * flops(p), 0) / 1e9).toFixed(2)} GFLOP) at these rates, ms: ` +
    columns.map((c) => `${c} ${stepMs[c].toFixed(1)}`).join(', '),
  `The same at the best timings, ms: ${columns.map((c) => `${c} ${bestStepMs[c].toFixed(1)}`).join(', ')}`,
];
for (const t of withGan ? [0, 1] : []) {
  const runs = rounds.map((r) => r.gan[t].result);
  const todayMs = median(runs.map((r) => r.todayMs));
  const labMs = median(runs.map((r) => r.labMs));
  lines.push(
    `GAN trainer step, ${runs[0].threads} thread(s): today ${todayMs.toFixed(1)} ms (${((128 * 1000) / todayMs).toFixed(0)} samples/s), ` +
      `lab GEMM ${labMs.toFixed(1)} ms (${((128 * 1000) / labMs).toFixed(0)} samples/s): ${(todayMs / labMs).toFixed(2)}× ` +
      `(rounds: ${runs.map((r) => `${r.todayMs.toFixed(0)}/${r.labMs.toFixed(0)}`).join(', ')}; busy cores ${rounds.map((r) => r.gan[t].busyCores.toFixed(1)).join(', ')}; ` +
      `best today ${Math.min(...runs.flatMap((r) => r.rounds.today)).toFixed(1)} ms, lab ${Math.min(...runs.flatMap((r) => r.rounds.lab)).toFixed(1)} ms)`,
  );
}
console.log(lines.join('\n'));
mkdirSync(here('./results'), { recursive: true });
writeFileSync(
  here('./results/latest.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, peak, rounds: rounds.map((r) => ({ ours: r.ours.busyCores, xnn1: r.xnn1.busyCores, xnn2: r.xnn2.busyCores, gan: r.gan.map((g) => ({ ...g.result, busyCores: g.busyCores })) })), rows, stepMs, bestStepMs }, null, 2)}\n`,
);
