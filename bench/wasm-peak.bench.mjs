// The machine's limits as WebAssembly sees them, the ceiling the GEMM rows are read against: the core clock
// (a chain of dependent i32.add, one cycle each), f32x4.relaxed_madd's throughput with no loads (independent
// accumulators) and its latency (one dependent chain). One core's peak: FMAs per second × 4 lanes × 2 flops.
import { createRequire } from 'node:module';
import { emit, waitForQuiet } from './harness.mjs';

// wabt is @dlkit/backend's build tool (scripts/build-wasm-kernels.mjs): compile the probe with it.
const createWabt = createRequire(new URL('../packages/backend/package.json', import.meta.url))('wabt');
const reps = 7;
const chain = 64;
const accumulators = 12;
const wat = `(module
  ;; $n iterations of ${chain} dependent adds of a value the compiler cannot fold.
  (func (export "clock") (param $n i32) (param $y i32) (result i32) (local $x i32)
    (loop $l
      ${'(local.set $x (i32.add (local.get $x) (local.get $y)))\n      '.repeat(chain)}
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $x))
  ;; $n iterations of 8 × ${accumulators} independent f32x4.relaxed_madd.
  (func (export "fmaThroughput") (param $n i32) (param $s f32) (result f32)
    (local $a v128) (local $b v128) ${Array.from({ length: accumulators }, (_, i) => `(local $c${i} v128)`).join(' ')}
    (local.set $a (f32x4.splat (local.get $s))) (local.set $b (f32x4.splat (f32.const 0.999)))
    (loop $l
      ${Array.from({ length: 8 }, () => Array.from({ length: accumulators }, (_, i) => `(local.set $c${i} (f32x4.relaxed_madd (local.get $a) (local.get $b) (local.get $c${i})))`).join('\n      ')).join('\n      ')}
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (f32x4.extract_lane 0 ${Array.from({ length: accumulators }, (_, i) => `(local.get $c${i})`).reduce((sum, c) => `(f32x4.add ${sum} ${c})`)}))
  ;; $n iterations of 32 dependent f32x4.relaxed_madd.
  (func (export "fmaLatency") (param $n i32) (param $s f32) (result f32) (local $a v128) (local $b v128) (local $c v128)
    (local.set $a (f32x4.splat (local.get $s))) (local.set $b (f32x4.splat (f32.const 0.999)))
    (loop $l
      ${'(local.set $c (f32x4.relaxed_madd (local.get $a) (local.get $b) (local.get $c)))\n      '.repeat(32)}
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (f32x4.extract_lane 0 (local.get $c)))
)`;

await waitForQuiet();
const wabt = await createWabt();
const parsed = wabt.parseWat('peak.wat', wat, { simd: true, relaxed_simd: true });
const { buffer } = parsed.toBinary({});
parsed.destroy();
const x = new WebAssembly.Instance(new WebAssembly.Module(buffer)).exports;

function rate(fn, opsPerIteration) {
  let n = 1000;
  for (;;) {
    const t0 = performance.now();
    fn(n);
    const ms = performance.now() - t0;
    if (ms > 50) return (n * opsPerIteration) / (ms * 1e-3);
    n *= 2;
  }
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const clocks = [];
const fmas = [];
const latencies = [];
for (let r = 0; r < reps + 2; r++) {
  clocks.push(rate((n) => x.clock(n, 3), chain));
  fmas.push(rate((n) => x.fmaThroughput(n, 0.5), 8 * accumulators));
  latencies.push(rate((n) => x.fmaLatency(n, 0.5), 32));
}
const hz = median(clocks.slice(2));
const fmaPerS = median(fmas.slice(2));
const chainPerS = median(latencies.slice(2));
const result = {
  clockGHz: hz / 1e9,
  fmaPerCycle: fmaPerS / hz,
  fmaLatencyCycles: hz / chainPerS,
  peakGflops: (fmaPerS * 8) / 1e9,
};
emit({
  bench: 'wasm-peak',
  metric: 'one core: f32x4.relaxed_madd, 4 lanes × 2 flops',
  unit: 'GFLOP/s',
  ours: result.peakGflops,
  note: `clock ≈ ${result.clockGHz.toFixed(2)} GHz (dependent i32.add); ${result.fmaPerCycle.toFixed(2)} FMA/cycle, latency ${result.fmaLatencyCycles.toFixed(1)} cycles; 2 cores: ${(2 * result.peakGflops).toFixed(0)} GFLOP/s`,
});
