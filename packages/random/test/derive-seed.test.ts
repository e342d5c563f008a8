import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { deriveSeed, isSeed } from '../src/index';

describe('deriveSeed(seed, stream, index)', () => {
  test('gives the reference values (GAN checkpoints written before this package resume with them)', () => {
    expect(deriveSeed(0, 1, 0)).toBe(2041196861);
    expect(deriveSeed(1, 6, 3)).toBe(1508628794);
    expect(deriveSeed(20260101, 2, 12345)).toBe(1219089015);
    expect(deriveSeed(-5, 7, 2)).toBe(1534467207);
    expect(deriveSeed(2 ** 40 + 3, 3, 2 ** 33 + 1)).toBe(2843886738);
  });

  const safe = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
  const small = fc.integer({ min: 0, max: 1000 });

  test('returns a seed (a whole number in 0 … 2^32−1), the same for the same arguments', () => {
    fc.assert(
      fc.property(safe, small, safe, (seed, stream, index) => {
        const derived = deriveSeed(seed, stream, index);
        expect(isSeed(derived)).toBe(true);
        expect(deriveSeed(seed, stream, index)).toBe(derived);
      }),
    );
  });

  test('tells apart seeds, streams and indices that differ only above bit 32', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), small, fc.nat(0xffffffff), (seed, stream, index) => {
        const derived = deriveSeed(seed, stream, index);
        expect(deriveSeed(seed + 2 ** 32, stream, index)).not.toBe(derived);
        expect(deriveSeed(seed, stream, index + 2 ** 32)).not.toBe(derived);
      }),
    );
  });

  test('gives distinct seeds to the steps of one stream (every mixing step is a bijection)', () => {
    const seen = new Set<number>();
    for (let step = 0; step < 100_000; step++) seen.add(deriveSeed(1, 6, step));
    expect(seen.size).toBe(100_000);
  });

  test('gives the streams of one step different seeds', () => {
    for (let step = 0; step < 10_000; step++) {
      const seeds = [1, 2, 3, 4, 5, 6].map((stream) => deriveSeed(1, stream, step));
      expect(new Set(seeds).size).toBe(6);
    }
  });
});
