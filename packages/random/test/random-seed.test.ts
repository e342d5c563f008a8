import { describe, expect, test } from 'vitest';
import { isSeed, randomSeed } from '../src/index';

describe('randomSeed()', () => {
  test('returns seeds, a different one on (nearly) every call', () => {
    const seeds = Array.from({ length: 100 }, () => randomSeed());
    expect(seeds.every(isSeed)).toBe(true);
    expect(new Set(seeds).size).toBeGreaterThan(95);
  });
});
