import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { seededRandom, shuffledIndices } from '../src/index';

describe('shuffledIndices(n, seed)', () => {
  test('gives the reference orders (the embedded MNIST split depends on them)', () => {
    expect(Array.from(shuffledIndices(10, 7))).toEqual([6, 5, 8, 1, 2, 3, 4, 7, 9, 0]);
    expect(Array.from(shuffledIndices(10_000, 20260101).subarray(0, 8))).toEqual([733, 8708, 3394, 1731, 9037, 4417, 6243, 5716]);
  });

  test('is a permutation of 0 … n−1, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.integer({ min: 0, max: 0xffffffff }), (n, seed) => {
        const order = shuffledIndices(n, seed);
        expect(order).toBeInstanceOf(Uint32Array);
        expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(shuffledIndices(n, seed)).toEqual(order);
      }),
    );
  });

  test('is Fisher–Yates driven by seededRandom', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.integer({ min: 0, max: 0xffffffff }), (n, seed) => {
        const random = seededRandom(seed);
        const expected = Array.from({ length: n }, (_, i) => i);
        for (let i = n - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [expected[i], expected[j]] = [expected[j]!, expected[i]!];
        }
        expect(Array.from(shuffledIndices(n, seed))).toEqual(expected);
      }),
    );
  });

  test('puts each index in each place about equally often', () => {
    const counts = Array.from({ length: 4 }, () => new Array<number>(4).fill(0));
    for (let seed = 0; seed < 8000; seed++) {
      shuffledIndices(4, seed).forEach((index, place) => {
        counts[index]![place]!++;
      });
    }
    for (const row of counts) for (const count of row) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  test('n = 0 and n = 1 need no draws; a bad n is a RangeError naming it', () => {
    expect(shuffledIndices(0, 1)).toEqual(new Uint32Array(0));
    expect(Array.from(shuffledIndices(1, 1))).toEqual([0]);
    expect(() => shuffledIndices(-1, 1)).toThrow(new RangeError('shuffledIndices: n must be a whole number in 0…2^32−1, found -1'));
    expect(() => shuffledIndices(2.5, 1)).toThrow(RangeError);
    expect(() => shuffledIndices(Number.NaN, 1)).toThrow(RangeError);
  });
});
