import { describe, expect, test } from 'vitest';
import { VaeError, vaeStepsPerEpoch } from '../src/node';

describe('vaeStepsPerEpoch(imageCount, batchSize)', () => {
  test.each([
    [8000, 128, 63],
    [40, 8, 5],
    [41, 8, 6],
    [1, 128, 1],
    [0, 16, 0],
  ])('%i images in batches of %i: %i steps (the last batch may be smaller)', (count, batch, steps) => {
    expect(vaeStepsPerEpoch(count, batch)).toBe(steps);
  });

  test('a count or batch size that is not a whole number (≥ 0, ≥ 1) is a VaeError naming it', () => {
    expect(() => vaeStepsPerEpoch(Number.NaN, 8)).toThrow(
      new VaeError('vaeStepsPerEpoch: imageCount must be a whole number ≥ 0, found NaN'),
    );
    expect(() => vaeStepsPerEpoch(100, -8)).toThrow('vaeStepsPerEpoch: batchSize must be a whole number ≥ 1, found -8');
    expect(() => vaeStepsPerEpoch(100, 0.5)).toThrow(VaeError);
  });
});
