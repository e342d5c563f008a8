/** Independent random streams, so noise, dropout and shuffling never share draws. */
export const randomStream = {
  weights: 1,
  discriminatorNoise: 2,
  generatorNoise: 3,
  discriminatorDropout: 4,
  generatorDropout: 5,
  shuffle: 6,
} as const;

/**
 * A 32-bit seed for draw `index` of `stream` under the run's `seed`: a function of the step alone, so
 * a resumed run draws exactly what the uninterrupted run drew.
 */
export function seedFor(seed: number, stream: number, index: number): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const part of [seed / 2 ** 32, stream, index, index / 2 ** 32]) {
    h = Math.imul(h ^ (Math.floor(part) >>> 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded generator for shuffling in plain JS. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
