/**
 * The seed of draw `index` in stream `stream` of a run seeded with `seed`: a 32-bit hash of the three
 * (FNV-1a style, with murmur-like mixing after each part), so that streams never share draws and any
 * draw can be made again from its coordinates alone. Training loops use it per step — noise of step t
 * is `deriveSeed(seed, noiseStream, t)` — which makes a run resumed from a checkpoint draw exactly
 * what the uninterrupted run drew. Takes any safe integers (negative ones and seeds above 2³² included)
 * and returns a whole number in 0 … 2³²−1.
 *
 * @example
 * const shuffleStream = 6;
 * const order = shuffledIndices(count, deriveSeed(seed, shuffleStream, epoch));
 * deriveSeed(0, 1, 0); // 2041196861
 */
export function deriveSeed(seed: number, stream: number, index: number): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const part of [seed / 2 ** 32, stream, index, index / 2 ** 32]) {
    h = Math.imul(h ^ (Math.floor(part) >>> 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return h >>> 0;
}
