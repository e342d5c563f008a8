import { describe, expect, test } from 'vitest';
import { GanError, ganStepsPerEpoch } from '../src/node';

describe('ganStepsPerEpoch(imageCount, batchSize)', () => {
  test.each([
    [8000, 64, 125],
    [1000, 128, 7],
    [128, 128, 1],
    [127, 128, 0],
    [0, 16, 0],
  ])('%i images in batches of %i: %i steps (the incomplete last batch is dropped)', (count, batch, steps) => {
    expect(ganStepsPerEpoch(count, batch)).toBe(steps);
  });

  test('a count or batch size that is not a whole number (≥ 0, ≥ 1) is a GanError naming it', () => {
    expect(() => ganStepsPerEpoch(-1, 64)).toThrow(
      new GanError('ganStepsPerEpoch: imageCount must be a whole number ≥ 0, found -1', { kind: 'input' }),
    );
    expect(() => ganStepsPerEpoch(100, 0)).toThrow('ganStepsPerEpoch: batchSize must be a whole number ≥ 1, found 0');
    expect(() => ganStepsPerEpoch(100, 2.5)).toThrow(GanError);
  });
});
