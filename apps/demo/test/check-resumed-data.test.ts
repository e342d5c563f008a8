import { describe, expect, test } from 'vitest';
import { checkResumedData } from '../web/src/check-resumed-data';

describe("the page's check of a checkpoint's digits", () => {
  test('the same digits pass; a fresh run or an older checkpoint is checked only as far as it knows', () => {
    expect(() => checkResumedData({ imageCount: 8000, stepsPerEpoch: 125 }, 8000, 64, 125)).not.toThrow();
    expect(() => checkResumedData({ imageCount: null, stepsPerEpoch: null }, 4000, 64, 62)).not.toThrow();
    expect(() => checkResumedData({ imageCount: null, stepsPerEpoch: 125 }, 8010, 64, 125)).not.toThrow();
  });

  test('other digits are refused with the count to set, even when they give the same steps per epoch', () => {
    expect(() => checkResumedData({ imageCount: 8000, stepsPerEpoch: 125 }, 8010, 64, 125)).toThrow(
      "this checkpoint's run trained on 8000 digits, not 8010: set Digits to 8000",
    );
    expect(() => checkResumedData({ imageCount: null, stepsPerEpoch: 125 }, 4000, 64, 62)).toThrow(
      "this checkpoint's run has 125 steps per epoch; 4000 digits at batch 64 give 62",
    );
  });
});
