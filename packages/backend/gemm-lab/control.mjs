// The control block that the calling thread and the GEMM workers share: 128 int32 words in the same
// WebAssembly memory the kernels work on (so a production build keeps it in tfjs's heap, _malloc'ed).
// No Node APIs: this runs in Node's worker_threads and in Web Workers alike.

export const controlBytes = 512;
export const SEQ = 0; // job generation, bumped by the caller once the job's words are written
export const DONE = 1; // workers that finished the current job
export const EXIT = 2; // 1: workers leave their loop
export const READY = 3; // workers that instantiated the module
export const SLEEPING = 4; // workers blocked in Atomics.wait on SEQ (the caller notifies only then)
export const CALLER_SLEEPING = 5; // 1 while the caller blocks in Atomics.wait on DONE
export const SPIN_US = 6; // how long a worker spins for the next job before it sleeps, µs
export const PARAMS = 8; // transA, transB, K, a, lda, b, ldb, c, ldc, beta
export const RANGES = 20; // per thread t: i0, i1, j0, j1 at RANGES + 4t
export const SCRATCH = 96; // per thread t: scratch address at SCRATCH + t
export const maxThreads = 16;

/**
 * A worker's loop: waits (spinning up to SPIN_US µs, then in Atomics.wait) for each new job, runs its
 * share with `gemm`, and counts itself done. Returns when EXIT is set.
 */
export function serveJobs(gemm, memory, controlAddress, id) {
  const words = new Int32Array(memory.buffer, controlAddress, controlBytes / 4);
  const range = RANGES + 4 * id;
  let seen = Atomics.load(words, SEQ);
  Atomics.add(words, READY, 1);
  Atomics.notify(words, READY);
  for (;;) {
    let seq = Atomics.load(words, SEQ);
    if (seq === seen) {
      const spinUntil = performance.now() + Atomics.load(words, SPIN_US) / 1000;
      while ((seq = Atomics.load(words, SEQ)) === seen && performance.now() < spinUntil);
      while (seq === seen) {
        Atomics.add(words, SLEEPING, 1);
        Atomics.wait(words, SEQ, seen);
        Atomics.sub(words, SLEEPING, 1);
        seq = Atomics.load(words, SEQ);
      }
    }
    seen = seq;
    if (Atomics.load(words, EXIT)) return;
    const p = PARAMS;
    gemm(
      words[p],
      words[p + 1],
      words[p + 2],
      words[p + 3],
      words[p + 4],
      words[p + 5],
      words[p + 6],
      words[p + 7],
      words[p + 8],
      words[p + 9],
      words[range],
      words[range + 1],
      words[range + 2],
      words[range + 3],
      words[SCRATCH + id],
    );
    Atomics.add(words, DONE, 1);
    if (Atomics.load(words, CALLER_SLEEPING)) Atomics.notify(words, DONE);
  }
}
