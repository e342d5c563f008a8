// Shared by every bench file: timing by medians, and one JSON row per measurement on stdout.
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
 * Reports one measurement. `ours` and `stock` are rates (higher is better) in `unit`;
 * `flopsPerUnit` turns our rate into GFLOP/s where it is known.
 */
export function emit({ bench, metric, unit, ours, stock, flopsPerUnit, note }) {
  const row = {
    bench,
    metric,
    unit,
    ours,
    stock: stock ?? null,
    ratio: stock ? ours / stock : null,
    gflops: flopsPerUnit ? (ours * flopsPerUnit) / 1e9 : null,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    note: note ?? null,
  };
  process.stdout.write(`BENCH_ROW ${JSON.stringify(row)}\n`);
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
