// Splits one GEMM across the calling thread and N−1 workers that share its WebAssembly memory.
// The caller writes the job into the control block, bumps SEQ (waking sleeping workers only when some
// sleep), runs share 0 itself, then spins on DONE (and, where the thread may block, falls back to
// Atomics.wait). Nothing here is Node-only except the default `spawn`.
import * as control from './control.mjs';
import { instantiateGemm, splitWork } from './gemm.mjs';

const { SEQ, DONE, EXIT, READY, SLEEPING, CALLER_SLEEPING, SPIN_US, PARAMS, RANGES, SCRATCH } = control;

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
   * @param {number} [o.spinUs] how long idle workers spin before they sleep (µs)
   * @param {number} [o.callerSpinUs] how long the caller spins for the workers before it blocks; Infinity: never blocks (browser main thread)
   * @param {number} [o.minFlops] products below this run on the caller alone
   */
  static async create({ module, memory, alloc, threads, spinUs = 200, callerSpinUs = 2000, minFlops = 0, spawn = spawnNodeWorker }) {
    if (threads < 1 || threads > control.maxThreads) throw new Error(`threads must be 1..${control.maxThreads}`);
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
    return new GemmPool(exports, words, workers, threads, { callerSpinUs, minFlops });
  }

  constructor(exports, words, workers, threads, { callerSpinUs, minFlops }) {
    this.exports = exports;
    this.words = words;
    this.workers = workers;
    this.threads = threads;
    this.callerSpinUs = callerSpinUs;
    this.minFlops = minFlops;
    this.mr = exports.MR.value;
    this.nr = exports.NR.value;
  }

  set spinUs(us) {
    Atomics.store(this.words, SPIN_US, us);
  }

  /**
   * C (m×n, leading dimension n) = op(A)·op(B) (+ C when beta is 1); addresses are byte offsets into the
   * shared memory, A is m×k (k×m if transA), B k×n (n×k if transB), both row-major and dense.
   */
  gemm(transA, transB, m, n, k, a, b, c, beta = 0, threads = this.threads) {
    const lda = transA ? m : k;
    const ldb = transB ? k : n;
    const w = this.words;
    if (threads === 1 || 2 * m * n * k < this.minFlops) {
      this.exports.gemm(transA, transB, k, a, lda, b, ldb, c, n, beta, 0, m, 0, n, w[SCRATCH]);
      return;
    }
    const ranges = splitWork(m, n, threads, this.mr, this.nr);
    w.set([transA, transB, k, a, lda, b, ldb, c, n, beta], PARAMS);
    for (let t = 1; t < this.threads; t++) w.set(t < threads ? ranges[t] : [0, 0, 0, 0], RANGES + 4 * t);
    Atomics.store(w, DONE, 0);
    Atomics.add(w, SEQ, 1);
    if (Atomics.load(w, SLEEPING) > 0) Atomics.notify(w, SEQ);
    const [i0, i1, j0, j1] = ranges[0];
    this.exports.gemm(transA, transB, k, a, lda, b, ldb, c, n, beta, i0, i1, j0, j1, w[SCRATCH]);
    this.waitForWorkers();
  }

  waitForWorkers() {
    const w = this.words;
    const all = this.threads - 1;
    if (Atomics.load(w, DONE) === all) return;
    const spinUntil = performance.now() + this.callerSpinUs / 1000;
    while (Atomics.load(w, DONE) !== all) {
      if (performance.now() < spinUntil) continue;
      Atomics.store(w, CALLER_SLEEPING, 1);
      const done = Atomics.load(w, DONE);
      if (done !== all) Atomics.wait(w, DONE, done, 100);
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
