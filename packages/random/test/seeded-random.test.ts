import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { seededRandom } from '../src/index';

describe('seededRandom(seed)', () => {
  test('is mulberry32: the reference values for seed 42', () => {
    const random = seededRandom(42);
    expect([random(), random(), random()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  test('draws in [0, 1), the same sequence for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const a = seededRandom(seed);
        const b = seededRandom(seed);
        for (let i = 0; i < 20; i++) {
          const value = a();
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThan(1);
          expect(b()).toBe(value);
        }
      }),
    );
  });

  test('takes the seed modulo 2^32', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        expect(seededRandom(seed + 2 ** 32)()).toBe(seededRandom(seed)());
        expect(seededRandom(seed - 2 ** 32)()).toBe(seededRandom(seed)());
      }),
    );
  });

  test('is close to uniform: each tenth of [0, 1) gets 10% ± 1% of 100,000 draws', () => {
    const random = seededRandom(7);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) bins[Math.floor(random() * 10)]!++;
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(1000);
  });
});
