// The control block that the calling thread and the GEMM workers share: 128 int32 words in the same
// WebAssembly memory the kernels work on (so a production build keeps it in tfjs's heap, _malloc'ed).
// No Node APIs: this runs in Node's worker_threads and in Web Workers alike.
//
// A job is cut into chunks (ranges of whole column or row panels of C, each over all of K). Threads
// claim chunks from CLAIM = (job sequence << 16) | next chunk with compare-and-swap, so a thread that
// the OS does not schedule leaves its chunks to the others; the caller waits for COMPLETED = chunks.
// Every element of C is summed in the same order whoever computes it, so results do not depend on the
// split or on the thread count.

export const controlBytes = 512;
export const SEQ = 0; // job sequence (16 bits used), stored by the caller once the job's words are written
export const CLAIM = 1; // (sequence << 16) | index of the next chunk to claim
export const COMPLETED = 2; // chunks of the current job finished
export const EXIT = 3; // 1: workers leave their loop
export const READY = 4; // workers that instantiated the module
export const SLEEPING = 5; // workers blocked in Atomics.wait on SEQ (the caller notifies only then)
export const CALLER_SLEEPING = 6; // 1 while the caller blocks in Atomics.wait on COMPLETED
export const SPIN_US = 7; // how long a worker spins for the next job before it sleeps, µs
export const PARAMS = 8; // transA, transB, K, a, lda, b, ldb, c, ldc, beta
export const SHAPE = 18; // m, n, chunks, byColumns, panelsPerChunkUnit (unit: NR or MR values)
export const SCRATCH = 32; // per thread t: scratch address at SCRATCH + t
export const maxThreads = 64;

/** Claims and runs chunks of job `seq` until none is left; returns how many it ran. */
export function runChunks(gemm, words, seq, scratch) {
  let ran = 0;
  for (;;) {
    const claim = Atomics.load(words, CLAIM);
    if (claim >>> 16 !== seq) return ran;
    const chunk = claim & 0xffff;
    const chunks = words[SHAPE + 2];
    if (chunk >= chunks) return ran;
    if (Atomics.compareExchange(words, CLAIM, claim, claim + 1) !== claim) continue;
    // The job's words stay put while any of its chunks is claimed and not completed.
    const m = words[SHAPE];
    const n = words[SHAPE + 1];
    const byColumns = words[SHAPE + 3];
    const unit = words[SHAPE + 4];
    const size = byColumns ? n : m;
    const panels = Math.ceil(size / unit);
    const from = Math.min(size, Math.floor((chunk * panels) / chunks) * unit);
    const to = Math.min(size, Math.floor(((chunk + 1) * panels) / chunks) * unit);
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
      byColumns ? 0 : from,
      byColumns ? m : to,
      byColumns ? from : 0,
      byColumns ? to : n,
      scratch,
    );
    ran++;
    Atomics.add(words, COMPLETED, 1);
    if (Atomics.load(words, CALLER_SLEEPING)) Atomics.notify(words, COMPLETED);
  }
}

/**
 * A worker's loop: waits for each new job (spinning up to SPIN_US µs, then in Atomics.wait), runs the
 * chunks it can claim, and waits again. Returns when EXIT is set.
 */
export function serveJobs(gemm, memory, controlAddress, id) {
  const words = new Int32Array(memory.buffer, controlAddress, controlBytes / 4);
  const scratch = words[SCRATCH + id];
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
    runChunks(gemm, words, seq, scratch);
  }
}
