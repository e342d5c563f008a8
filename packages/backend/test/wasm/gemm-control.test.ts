import { describe, expect, test } from 'vitest';
import { CHUNKS, CLAIM, COMPLETED, closeJob, controlBytes, runChunks, SIZE, UNIT } from '../../src/wasm/_gemm-control';

/** A control block with job `seq` of `chunks` chunks over `size` units open, as the caller leaves it. */
function openJob(seq: number, chunks: number, size = 100): Int32Array {
  const words = new Int32Array(new SharedArrayBuffer(controlBytes));
  words[SIZE] = size;
  words[UNIT] = 1;
  words[CHUNKS] = chunks;
  Atomics.store(words, CLAIM, seq << 16);
  return words;
}

describe('the GEMM control block', () => {
  test('a thread claims every chunk of an open job once, ranges covering the split dimension', () => {
    const words = openJob(7, 4);
    const ranges: [number, number][] = [];
    const ran = runChunks((_kind, _variant, from, to) => ranges.push([from, to]), words, 7, 0);
    expect(ran).toBe(4);
    expect(ranges).toEqual([
      [0, 25],
      [25, 50],
      [50, 75],
      [75, 100],
    ]);
    expect(Atomics.load(words, COMPLETED)).toBe(4);
    expect(runChunks(() => {}, words, 6, 0)).toBe(0); // another job's sequence claims nothing
  });

  test("a late thread of a closed job claims nothing, though the next job's CHUNKS is written before its CLAIM", () => {
    // The window that made runs drift apart and hang: the caller writes the next job's words, then its
    // CLAIM; a worker of the finished job that wakes in between read CHUNKS of the next job.
    const words = openJob(7, 2);
    runChunks(() => {}, words, 7, 0);
    closeJob(words, 7);
    words[CHUNKS] = 6; // the next job's words, its CLAIM not yet stored
    words[COMPLETED] = 0;
    const late: number[] = [];
    expect(runChunks((_kind, _variant, from) => late.push(from), words, 7, 0)).toBe(0);
    expect(late).toEqual([]);
    expect(Atomics.load(words, COMPLETED)).toBe(0);
  });

  test('closing holds for the largest chunk count a job may have (0xffff)', () => {
    const words = openJob(3, 0xffff, 0xffff);
    closeJob(words, 3);
    expect(runChunks(() => {}, words, 3, 0)).toBe(0);
  });
});
