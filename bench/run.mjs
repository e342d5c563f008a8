// `pnpm bench`: runs every bench/*.bench.mjs in its own Node process (so peak RSS is its own),
// prints one table, and writes bench/results/latest.json. Pass names to run a subset: pnpm bench gan lstm
// The machine may be shared: each bench file waits (DLKIT_BENCH_QUIET_S, default 300 s at most) until
// fewer than 0.3 cores are busy, and alternates what it compares in one process; rates are medians.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.mjs'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
  .sort();

const rows = [];
const failures = [];
for (const file of files) {
  process.stderr.write(`running ${file} …\n`);
  const child = spawnSync(process.execPath, ['--expose-gc', join(here, file)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, DLKIT_BENCH: '1' },
  });
  for (const line of child.stdout.split('\n')) {
    if (line.startsWith('BENCH_ROW ')) rows.push(JSON.parse(line.slice('BENCH_ROW '.length)));
  }
  if (child.status !== 0) failures.push(`${file}: exit ${child.status}\n${child.stderr.trim().split('\n').slice(-5).join('\n')}`);
}

const format = (value, digits = 1) => (value === null || value === undefined ? '—' : Number(value).toFixed(digits));
// dlkit FMA: as dlkit runs by default (the FMA GEMM where the engine validates relaxed SIMD); dlkit
// mul+add: the same with setWasmGemm('mul-add'); baseline: what `vs` names (stock tfjs, PyTorch, …).
const table = [
  ['bench', 'metric', 'dlkit FMA', 'dlkit mul+add', 'baseline', 'vs', 'ratio', 'GFLOP/s', 'peak RSS MiB', 'note'],
  ...rows.map((row) => [
    row.bench,
    `${row.metric} (${row.unit})`,
    format(row.ours),
    format(row.mulAdd),
    format(row.stock),
    row.vs ?? '',
    row.ratio === null ? '—' : `${format(row.ratio, 2)}×`,
    format(row.gflops, 2),
    format(row.peakRssMiB, 0),
    row.note ?? '',
  ]),
];
const widths = table[0].map((_, column) => Math.max(...table.map((cells) => String(cells[column]).length)));
for (const [index, cells] of table.entries()) {
  console.log(
    cells
      .map((cell, column) => String(cell).padEnd(widths[column]))
      .join('  ')
      .trimEnd(),
  );
  if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
}

const results = join(here, 'results');
mkdirSync(results, { recursive: true });
const record = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, rows, failures };
const temporary = join(results, `.latest.json.${process.pid}`);
writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
renameSync(temporary, join(results, 'latest.json'));
console.log(`\nwrote ${join(results, 'latest.json')}`);
if (failures.length > 0) {
  console.error(`\n${failures.length} bench file(s) failed:\n${failures.join('\n\n')}`);
  process.exitCode = 1;
}
