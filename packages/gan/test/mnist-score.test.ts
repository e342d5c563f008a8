import { describe, expect, test } from 'vitest';
import { mnistScore } from '../src/node';

describe('mnistScore', () => {
  const oneHot = (labels: number[]) => labels.flatMap((label) => Array.from({ length: 10 }, (_, c) => (c === label ? 1 : 0)));

  test('is 10 for confident, balanced predictions and 1 for one class or for uniform ones', () => {
    expect(mnistScore(oneHot([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 10)).toBeCloseTo(10, 12);
    expect(mnistScore(oneHot([3, 3, 3, 3]), 4)).toBeCloseTo(1, 12);
    expect(mnistScore(new Array(50).fill(0.1), 5)).toBeCloseTo(1, 12);
    expect(mnistScore(oneHot([0, 1, 0, 1]), 4)).toBeCloseTo(2, 12);
  });

  test('bad rows throw a RangeError', () => {
    expect(() => mnistScore([0.5, 0.5], 1)).toThrow('expected 1 × 10 probabilities, found 2');
    expect(() => mnistScore(new Array(10).fill(Number.NaN), 1)).toThrow('probability (0, 0) is NaN');
  });
});
