// How fast @dlkit/mnist reads data. Targets (issue 5): the embedded set ≤ 1 s; the full 60,000-image training
// IDX (47 MB raw) parsed ≤ 1 s. The full files are not downloadable here, so one of the exact size is written
// with the package's own writer: the 10,000 real embedded digits six times over (so gzip sees real-looking data). Rates are loads per second; the note gives the median seconds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadMnist, readIdx, writeIdx } from '@dlkit/mnist';
import { emit, medianSeconds } from './harness.mjs';

const seconds = (s) => `${(s * 1000).toFixed(0)} ms median`;

// Cold: the first load in this process reads and gunzips the asset; later loads reuse the decoded bytes.
let start = performance.now();
await loadMnist();
const cold = (performance.now() - start) / 1000;
emit({
  bench: 'mnist',
  metric: 'embedded 8,000 train, first load in a process',
  unit: 'loads/s',
  ours: 1 / cold,
  note: `${(cold * 1000).toFixed(0)} ms (target ≤ 1 s)`,
});
const warm = await medianSeconds(() => loadMnist());
emit({ bench: 'mnist', metric: 'embedded 8,000 train, later loads', unit: 'loads/s', ours: 1 / warm, note: seconds(warm) });

const dir = mkdtempSync(join(tmpdir(), 'dlkit-mnist-bench-'));
try {
  const count = 60000;
  const real = await loadMnist({ split: 'all' });
  const pixels = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.round(real.images[i % real.images.length] * 255);
  for (let i = 0; i < count; i++) labels[i] = real.labels[i % real.count];
  start = performance.now();
  const raw = writeIdx({ dims: [count, 28, 28], data: pixels });
  const gz = writeIdx({ dims: [count, 28, 28], data: pixels }, { gzip: true });
  const writeSeconds = (performance.now() - start) / 1000;
  writeFileSync(join(dir, 'train-images-idx3-ubyte'), raw);
  writeFileSync(join(dir, 'train-labels-idx1-ubyte'), writeIdx({ dims: [count], data: labels }));
  writeFileSync(join(dir, 'train-images-idx3-ubyte.gz'), gz);
  process.stderr.write(`wrote ${raw.length} bytes raw, ${gz.length} gzipped in ${writeSeconds.toFixed(2)} s\n`);

  const parseRaw = await medianSeconds(() => readIdx(join(dir, 'train-images-idx3-ubyte')), { runs: 5 });
  emit({
    bench: 'mnist',
    metric: `readIdx 60,000×28×28 raw (${(raw.length / 1e6).toFixed(0)} MB)`,
    unit: 'files/s',
    ours: 1 / parseRaw,
    note: `${seconds(parseRaw)} (target ≤ 1 s)`,
  });
  const parseGz = await medianSeconds(() => readIdx(join(dir, 'train-images-idx3-ubyte.gz')), { runs: 5 });
  emit({
    bench: 'mnist',
    metric: `readIdx 60,000×28×28 gzip (${(gz.length / 1e6).toFixed(0)} MB)`,
    unit: 'files/s',
    ours: 1 / parseGz,
    note: seconds(parseGz),
  });
  rmSync(join(dir, 'train-images-idx3-ubyte.gz'));
  const load = await medianSeconds(() => loadMnist({ source: dir }), { runs: 5 });
  emit({
    bench: 'mnist',
    metric: 'loadMnist 60,000 from a directory (parse + validate + float32 [0,1])',
    unit: 'loads/s',
    ours: 1 / load,
    note: seconds(load),
  });
  const data = await loadMnist({ source: dir });
  const epoch = await medianSeconds(
    () => {
      for (const batch of data.batches(128, { shuffle: true, seed: 1 })) batch.count;
    },
    { runs: 5 },
  );
  emit({
    bench: 'mnist',
    metric: 'one shuffled epoch of 128-image batches over 60,000',
    unit: 'epochs/s',
    ours: 1 / epoch,
    note: seconds(epoch),
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
