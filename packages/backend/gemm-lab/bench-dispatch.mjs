// Dispatch latency of the worker pool: the wall time of a product too small to matter (16×16×1) that
// the caller leaves to the worker (callerClaims false: a round trip through the control block) when the worker is spinning for work (hot), when it sleeps in
// Atomics.wait (the caller's notify wakes it), and when the caller blocks in Atomics.wait instead of
// spinning. node gemm-lab/bench-dispatch.mjs
import { gemmModule } from './gen-gemm.mjs';
import { bumpAllocator } from './gemm.mjs';
import { GemmPool } from './pool.mjs';

const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
const alloc = bumpAllocator(memory);
const { module } = await gemmModule({ shared: true });
const pool = await GemmPool.create({ module, memory, alloc, threads: 2, minFlops: 0, chunksPerThread: 1 });
const a = alloc(4096);
const b = alloc(4096);
const c = alloc(4096);
const [m, n, k] = [16, 16, 1];
pool.chunksPerThread = 1;

function latencies({ spinUs, callerSpinUs, pauseMs, calls }) {
  pool.spinUs = spinUs;
  pool.callerSpinUs = callerSpinUs;
  const times = [];
  for (let i = 0; i < calls; i++) {
    if (pauseMs) {
      const until = performance.now() + pauseMs;
      while (performance.now() < until);
    }
    const t0 = performance.now();
    pool.gemm(0, 0, m, n, k, a, b, c);
    times.push((performance.now() - t0) * 1000);
  }
  times.sort((x, y) => x - y);
  const at = (q) => times[Math.floor(q * (times.length - 1))].toFixed(1);
  return `median ${at(0.5)} µs, p90 ${at(0.9)} µs`;
}

const alone = [];
for (let i = 0; i < 2000; i++) {
  const t0 = performance.now();
  pool.gemm(0, 0, m, n, k, a, b, c, 0, 1);
  alone.push((performance.now() - t0) * 1000);
}
alone.sort((x, y) => x - y);
console.log(`caller alone (no dispatch):                 median ${alone[1000].toFixed(1)} µs`);
pool.callerClaims = false;
console.log(`worker hot (spinning), caller spins:        ${latencies({ spinUs: 1000, callerSpinUs: 5000, pauseMs: 0, calls: 5000 })}`);
console.log(`worker hot, 0.1 ms between products:        ${latencies({ spinUs: 1000, callerSpinUs: 5000, pauseMs: 0.1, calls: 2000 })}`);
console.log(`worker asleep (Atomics.wait), caller spins: ${latencies({ spinUs: 0, callerSpinUs: 5000, pauseMs: 0.5, calls: 1000 })}`);
console.log(`worker hot, caller blocks (Atomics.wait):   ${latencies({ spinUs: 1000, callerSpinUs: 0, pauseMs: 0, calls: 2000 })}`);
console.log(`worker asleep, caller blocks:               ${latencies({ spinUs: 0, callerSpinUs: 0, pauseMs: 0.5, calls: 1000 })}`);
await pool.close();
