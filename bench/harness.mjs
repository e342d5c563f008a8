// Shared by every bench file: timing by medians, and one JSON row per measurement on stdout.
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

/** Runs `fn` `warmup` times, then `runs` times; returns the median seconds of one run. */
export async function medianSeconds(fn, { warmup = 2, runs = 7 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push((performance.now() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Reports one measurement. `ours` (dlkit as it runs by default: the FMA GEMM where the engine has relaxed
 * SIMD), `mulAdd` (dlkit with the mul+add GEMM forced) and `stock` (the baseline, named by `vs`, default
 * 'stock tfjs') are rates (higher is better) in `unit`; `flopsPerUnit` turns our rate into GFLOP/s where
 * it is known.
 */
export function emit({ bench, metric, unit, ours, mulAdd, stock, vs, flopsPerUnit, note }) {
  const row = {
    bench,
    metric,
    unit,
    ours,
    mulAdd: mulAdd ?? null,
    stock: stock ?? null,
    vs: stock ? (vs ?? 'stock tfjs') : null,
    ratio: stock ? ours / stock : null,
    gflops: flopsPerUnit ? (ours * flopsPerUnit) / 1e9 : null,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    note: note ?? null,
  };
  process.stdout.write(`BENCH_ROW ${JSON.stringify(row)}\n`);
}

/**
 * Alternates contenders in one process, so that a machine whose load changes slows each alike: every
 * round runs each contender's `run()` once (after its `before()`), starting one contender later than the
 * round before; those with `rounds` run only in the first `rounds` rounds (slow baselines). Returns each contender's median seconds after `warmup` rounds.
 */
export async function alternate(contenders, { warmup = 2, rounds = 9 } = {}) {
  const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  const entries = Object.entries(contenders);
  for (let round = 0; round < warmup + rounds; round++) {
    // each round starts one contender later: which one follows which (kernel switches, GC) is not a bias
    const shift = round % entries.length;
    for (const [name, contender] of [...entries.slice(shift), ...entries.slice(0, shift)]) {
      if (contender.rounds !== undefined && round >= warmup + contender.rounds) continue;
      contender.before?.();
      const start = performance.now();
      await contender.run();
      if (round >= warmup) times[name].push((performance.now() - start) / 1000);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Times `trainer.step(input)` for a trainer made by `create` (disposed after): the median wall seconds of
 * a step, and the mean CPU seconds it used on all threads (on a shared machine wall time also counts
 * waiting for a core). WASM kernels run synchronously, so a step has finished computing when step() returns.
 */
export async function timeTrainerStep(create, input, { warmup = 2, runs = 7 } = {}) {
  const trainer = create();
  try {
    let cpu = 0;
    let steps = 0;
    const wall = await medianSeconds(
      () => {
        const start = process.cpuUsage();
        trainer.step(input);
        const used = process.cpuUsage(start);
        cpu += (used.user + used.system) / 1e6;
        steps++;
      },
      { warmup, runs },
    );
    return { wall, cpu: cpu / steps };
  } finally {
    trainer.dispose();
  }
}

function cpuTimes() {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}

/** Cores busy over the last `ms` milliseconds, this process included (0 … cores). */
export async function busyCores(ms = 1000) {
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTimes();
  const total = after.total - before.total;
  return total > 0 ? ((total - (after.idle - before.idle)) / total) * cpus().length : 0;
}

/**
 * Waits until the machine has been quiet (fewer than `limit` busy cores over a second), at most `maxS`
 * seconds: the machine is shared, and timings taken while other processes run say little. Returns the
 * busy cores last seen (measuring goes on after `maxS` either way; the note says so).
 */
export async function waitForQuiet({ limit = 0.3, maxS = Number(process.env.DLKIT_BENCH_QUIET_S ?? 300) } = {}) {
  const start = performance.now();
  for (;;) {
    const busy = await busyCores();
    if (busy < limit || performance.now() - start > maxS * 1000) return busy;
  }
}
