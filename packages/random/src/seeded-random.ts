/**
 * A seeded generator of uniform numbers in [0, 1): mulberry32, 32 bits of state. Small, fast and the same
 * on every platform, which is what reproducible shuffles, splits and initial weights need; not for
 * cryptography. The seed is taken modulo 2³² (`seed >>> 0`), so seeds 2³² apart give the same stream.
 *
 * @example
 * const random = seededRandom(42);
 * random(); // 0.6011037519201636
 * random(); // 0.44829055899754167
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
