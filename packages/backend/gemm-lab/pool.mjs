// Splits one GEMM across the calling thread and N−1 workers that share its WebAssembly memory.
// The caller writes the job into the control block (control.mjs), publishes it (waking sleeping
// workers only when some sleep), claims chunks like any worker, then spins until every chunk is
// completed (and, where the thread may block, falls back to Atomics.wait). Nothing here is Node-only
// except the default `spawn`.
import * as control from './control.mjs';
import { instantiateGemm } from './gemm.mjs';

const { SEQ, CLAIM, COMPLETED, EXIT, READY, SLEEPING, CALLER_SLEEPING, SPIN_US, PARAMS, SHAPE, SCRATCH } = control;

/** Node's way to start a worker on gemm-worker.mjs; a browser passes one built on Web Workers. */
async function spawnNodeWorker(data) {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(new URL('./gemm-worker.mjs', import.meta.url), { workerData: data });
  const handle = { error: undefined, terminate: () => worker.terminate() };
  worker.on('error', (error) => {
    handle.error = error;
  });
  worker.unref();
  return handle;
}

export class GemmPool {
  /**
   * @param {object} o
   * @param {WebAssembly.Module} o.module a shared-memory build of the lab GEMM (gemmModule({ shared: true }))
   * @param {WebAssembly.Memory} o.memory a shared memory (tfjs's threaded heap in production)
   * @param {(bytes: number) => number} o.alloc where control block and scratch go (tfjs's _malloc in production)
   * @param {number} o.threads threads in all, the caller included
   * @param {number} [o.spinUs] how long idle workers spin for the next job before they sleep (µs). Short: on a
   *   loaded machine a spinning worker takes the core the caller needs (in the GAN trainer at 2 threads, 300 µs
   *   made the ops between products ~7 ms slower a step; waking a sleeping worker costs ~6–9 µs a product).
   * @param {number} [o.callerSpinUs] how long the caller spins for the workers before it blocks; Infinity: never blocks (a browser's main thread)
   * @param {number} [o.minFlops] products below this run on the caller alone
   * @param {number} [o.chunksPerThread] chunks a job is cut into, per thread
   */
  static async create({
    module,
    memory,
    alloc,
    threads,
    spinUs = 50,
    callerSpinUs = 5000,
    minFlops = 2e6,
    chunksPerThread = 4,
    spawn = spawnNodeWorker,
  }) {
    if (!(threads >= 1 && threads <= control.maxThreads)) throw new Error(`threads must be 1..${control.maxThreads}`);
    const controlAddress = alloc(control.controlBytes);
    const words = new Int32Array(memory.buffer, controlAddress, control.controlBytes / 4);
    words.fill(0);
    const exports = instantiateGemm(module, memory);
    for (let t = 0; t < threads; t++) words[SCRATCH + t] = alloc(exports.scratchBytes.value);
    words[SPIN_US] = spinUs;
    const workers = [];
    for (let id = 1; id < threads; id++) workers.push(await spawn({ module, memory, controlAddress, id }));
    // Polled with a timer: a pending Atomics.waitAsync does not keep Node's event loop alive.
    const started = performance.now();
    while (Atomics.load(words, READY) < threads - 1) {
      for (const worker of workers) if (worker.error) throw worker.error;
      if (performance.now() - started > 30000) throw new Error('GEMM workers did not start within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return new GemmPool(exports, words, workers, threads, { callerSpinUs, minFlops, chunksPerThread });
  }

  constructor(exports, words, workers, threads, { callerSpinUs, minFlops, chunksPerThread }) {
    this.exports = exports;
    this.words = words;
    this.workers = workers;
    this.threads = threads;
    this.callerSpinUs = callerSpinUs;
    this.minFlops = minFlops;
    this.chunksPerThread = chunksPerThread;
    this.mr = exports.MR.value;
    this.nr = exports.NR.value;
    this.seq = 0;
    /** false: the caller only waits (bench-dispatch.mjs measures the workers' round trip so). */
    this.callerClaims = true;
  }

  set spinUs(us) {
    Atomics.store(this.words, SPIN_US, us);
  }

  /**
   * C (m×n, leading dimension n) = op(A)·op(B) (+ C when beta is 1); addresses are byte offsets into the
   * shared memory, A is m×k (k×m if transA), B k×n (n×k if transB), both row-major and dense.
   * `threads` (at most the pool's) bounds the chunks, not who runs them: idle workers may claim any.
   */
  gemm(transA, transB, m, n, k, a, b, c, beta = 0, threads = this.threads) {
    const lda = transA ? m : k;
    const ldb = transB ? k : n;
    const w = this.words;
    const scratch = w[SCRATCH];
    // N is split when M ≤ N (each chunk then packs all of A, the smaller operand to repeat), else M.
    const byColumns = m <= n;
    const unit = byColumns ? this.nr : this.mr;
    const panels = Math.ceil((byColumns ? n : m) / unit);
    const chunks = Math.min(panels, threads === 1 ? 1 : threads * this.chunksPerThread, 0xffff);
    if (chunks <= 1 || this.threads === 1 || 2 * m * n * k < this.minFlops) {
      this.exports.gemm(transA, transB, k, a, lda, b, ldb, c, n, beta, 0, m, 0, n, scratch);
      return;
    }
    const seq = (this.seq = (this.seq + 1) & 0xffff);
    w.set([transA, transB, k, a, lda, b, ldb, c, n, beta], PARAMS);
    w.set([m, n, chunks, byColumns ? 1 : 0, unit], SHAPE);
    Atomics.store(w, COMPLETED, 0);
    Atomics.store(w, CLAIM, seq << 16);
    Atomics.store(w, SEQ, seq);
    if (Atomics.load(w, SLEEPING) > 0) Atomics.notify(w, SEQ);
    if (this.callerClaims) control.runChunks(this.exports.gemm, w, seq, scratch);
    this.waitFor(chunks);
  }

  waitFor(chunks) {
    const w = this.words;
    if (Atomics.load(w, COMPLETED) === chunks) return;
    const spinUntil = performance.now() + this.callerSpinUs / 1000;
    while (Atomics.load(w, COMPLETED) !== chunks) {
      if (performance.now() < spinUntil) continue;
      Atomics.store(w, CALLER_SLEEPING, 1);
      const completed = Atomics.load(w, COMPLETED);
      if (completed !== chunks) Atomics.wait(w, COMPLETED, completed, 100);
      Atomics.store(w, CALLER_SLEEPING, 0);
    }
  }

  async close() {
    Atomics.store(this.words, EXIT, 1);
    Atomics.add(this.words, SEQ, 1);
    Atomics.notify(this.words, SEQ);
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
