import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isSeed } from '../src/index';

describe('isSeed(value)', () => {
  test('accepts every whole number in 0 … 2^32−1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (value) => {
        expect(isSeed(value)).toBe(true);
      }),
    );
  });

  test.each([-1, 2 ** 32, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', null, undefined, 1n])('rejects %s', (value) => {
    expect(isSeed(value)).toBe(false);
  });
});
