import { describe, expect, test } from 'vitest';
import { featureStatistics } from '../src/node';

describe('featureStatistics', () => {
  test('gives the mean and the unbiased covariance', () => {
    const s = featureStatistics([1, 2, 3, 6, 5, 10], 3, 2);
    expect(Array.from(s.mean)).toEqual([3, 6]);
    expect(Array.from(s.covariance)).toEqual([4, 8, 8, 16]);
    expect(() => featureStatistics([1, 2], 1, 2)).toThrow(RangeError);
  });
});
