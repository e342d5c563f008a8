// The control block that the calling thread and the GEMM workers share: 128 int32 words in the same
// WebAssembly memory the kernels work on (tfjs's heap, _malloc'ed once per backend). No imports and
// only erasable TypeScript: gemm-worker.ts imports this file, and Node runs that worker from source in tests.
//
// A job is one call of a kernel function (gemmJob, convForward, …) cut into chunks: ranges of whole units
// (column or row panels of C, images, filter rows) of its split dimension. Threads claim chunks from
// CLAIM = (job sequence << 16) | next chunk with compare-and-swap, so a thread the OS does not schedule
// leaves its chunks to the others; the caller waits for COMPLETED = chunks. Each kernel function sums
// every output element in the same order whatever range it is given, so results do not depend on the
// split or on the thread count.

export const controlBytes = 512;
export const SEQ = 0; // job sequence (16 bits used), stored by the caller once the job's words are written
export const CLAIM = 1; // (sequence << 16) | index of the next chunk to claim
export const COMPLETED = 2; // chunks of the current job finished
export const EXIT = 3; // 1: workers leave their loop
export const READY = 4; // workers that instantiated the modules
export const SLEEPING = 5; // workers blocked in Atomics.wait on SEQ (the caller notifies only then)
export const CALLER_SLEEPING = 6; // 1 while the caller blocks in Atomics.wait on COMPLETED
export const SPIN_US = 7; // how long a worker spins for the next job before it sleeps, µs
export const KIND = 8; // which kernel function (jobFunctions index)
export const VARIANT = 9; // which module (variantIndex)
export const SIZE = 10; // the split dimension's length
export const UNIT = 11; // chunks are whole multiples of this many (the last may be shorter)
export const CHUNKS = 12; // chunks of the current job
export const FAILED = 13; // 1 when a worker's kernel call threw (the caller reports it)
export const PARAMS = 16; // the kernel function's parameter words (40), read by the WebAssembly code
export const paramWords = 40;
export const SCRATCH = 56; // per thread t: its scratch address at SCRATCH + t
export const maxThreads = 64;

/**
 * Kernel functions by job kind: each is (params, from, to, scratch). The GEMM modules export all but
 * adamJob, which runs kernels.wat's adam on a range of values (runAdamChunk), and dropoutJob, which runs
 * its dropout on a range of parts (runDropoutParts).
 */
export const jobFunctions = [
  'gemmJob',
  'convForward',
  'convInputGrad',
  'convFilterGrad',
  'packBJob',
  'adamJob',
  'dropoutJob',
  'padInput',
  'convForwardGrouped',
  'convInputGradGrouped',
] as const;
export type JobFunction = (typeof jobFunctions)[number];

/** adamJob's parameter words: byte addresses of the seven arrays, then the float32 constants (as bits). */
export const adamParams = {
  p: 0,
  g: 1,
  m: 2,
  v: 3,
  pOut: 4,
  mOut: 5,
  vOut: 6,
  beta1: 7,
  oneMinusBeta1: 8,
  beta2: 9,
  oneMinusBeta2: 10,
  epsilon: 11,
  stepSize: 12,
} as const;

/** A GEMM module's job function: (params, from, to, scratch). */
export type JobExport = (params: number, from: number, to: number, scratch: number) => void;

/** kernels.wat's adam: (p, g, m, v, pOut, mOut, vOut, n, β1, 1 − β1, β2, 1 − β2, ε̂, α̂). */
export type AdamKernel = (...args: number[]) => void;

/** Values [from, to) of the Adam step whose parameter words start at byte `params` of `buffer`. */
export function runAdamChunk(adam: AdamKernel, buffer: ArrayBufferLike, params: number, from: number, to: number): void {
  const words = new Int32Array(buffer, params, 13);
  const constants = new Float32Array(buffer, params, 13);
  const at = (word: number) => words[word]! + from * 4;
  const a = adamParams;
  adam(
    at(a.p),
    at(a.g),
    at(a.m),
    at(a.v),
    at(a.pOut),
    at(a.mOut),
    at(a.vOut),
    to - from,
    constants[a.beta1]!,
    constants[a.oneMinusBeta1]!,
    constants[a.beta2]!,
    constants[a.oneMinusBeta2]!,
    constants[a.epsilon]!,
    constants[a.stepSize]!,
  );
}
/**
 * dropoutJob's parameter word: the byte address of its part table, one row of dropoutPartWords words per
 * part: kernels.wat's dropout arguments for that part (keep as float32 bits).
 */
export const dropoutPart = { x: 0, y: 1, size: 2, segment: 3, threshold: 4, keep: 5, laneStates: 6 } as const;
export const dropoutPartWords = 22;

/** kernels.wat's dropout: (x, y, size, segment, threshold, keep, 16 lane-state words). */
export type DropoutKernel = (...args: number[]) => void;

/** Parts [from, to) of the dropout whose part table's address is the word at byte `params` of `buffer`. */
export function runDropoutParts(dropout: DropoutKernel, buffer: ArrayBufferLike, params: number, from: number, to: number): void {
  const table = new Int32Array(buffer, params, 1)[0]!;
  for (let part = from; part < to; part++) {
    const at = table + part * dropoutPartWords * 4;
    const words = new Int32Array(buffer, at, dropoutPartWords);
    const keep = new Float32Array(buffer, at, dropoutPartWords)[dropoutPart.keep]!;
    const p = dropoutPart;
    dropout(words[p.x]!, words[p.y]!, words[p.size]!, words[p.segment]!, words[p.threshold]!, keep, ...words.subarray(p.laneStates));
  }
}

/** Module variants by index (VARIANT). */
export const variantIndex = { fma: 0, 'mul-add': 1 } as const;

/** Runs one chunk: kernel function `kind` of module `variant` on [from, to) with the thread's scratch. */
export type RunChunk = (kind: number, variant: number, from: number, to: number, scratch: number) => void;

/** [from, to) of chunk `chunk` of `chunks`: whole units, spread as evenly as they go. */
export function chunkRange(size: number, unit: number, chunks: number, chunk: number): [number, number] {
  const units = Math.ceil(size / unit);
  const from = Math.min(size, Math.floor((chunk * units) / chunks) * unit);
  const to = Math.min(size, Math.floor(((chunk + 1) * units) / chunks) * unit);
  return [from, to];
}

/**
 * Closes job `seq` once all its chunks are completed: no chunk index is left to claim under its
 * sequence. The caller does this before it writes the next job's words, so that a worker that read
 * CLAIM of this job and was then descheduled cannot claim a chunk of it against the next job's CHUNKS
 * (it would run a chunk of a half-written job, twice, and push COMPLETED past the count).
 */
export function closeJob(words: Int32Array, seq: number): void {
  Atomics.store(words, CLAIM, (seq << 16) | 0xffff);
}

/** Claims and runs chunks of job `seq` until none is left; returns how many it ran. */
export function runChunks(run: RunChunk, words: Int32Array, seq: number, scratch: number): number {
  let ran = 0;
  for (;;) {
    const claim = Atomics.load(words, CLAIM);
    if (claim >>> 16 !== seq) return ran;
    const chunk = claim & 0xffff;
    const chunks = words[CHUNKS]!;
    if (chunk >= chunks) return ran;
    if (Atomics.compareExchange(words, CLAIM, claim, claim + 1) !== claim) continue;
    // The job's words stay put while any of its chunks is claimed and not completed.
    const [from, to] = chunkRange(words[SIZE]!, words[UNIT]!, chunks, chunk);
    try {
      run(words[KIND]!, words[VARIANT]!, from, to, scratch);
    } catch (error) {
      Atomics.store(words, FAILED, 1);
      throw error;
    } finally {
      ran++;
      Atomics.add(words, COMPLETED, 1);
      if (Atomics.load(words, CALLER_SLEEPING)) Atomics.notify(words, COMPLETED);
    }
  }
}

/**
 * A worker's loop: waits for each new job (spinning up to SPIN_US µs, then in Atomics.wait), runs the
 * chunks it can claim, and waits again. Returns when EXIT is set.
 */
export function serveJobs(run: RunChunk, words: Int32Array, id: number): void {
  const scratch = words[SCRATCH + id]!;
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
    runChunks(run, words, seq, scratch);
  }
}
