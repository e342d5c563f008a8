import { describe, expect, test } from 'vitest';
import { loadMnist, loadReferenceDigits } from '../src/node';

// Byte views: vitest's toEqual walks typed arrays element by element (seconds for 1.5 M floats).
const bytes = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

describe('loadReferenceDigits(options?)', () => {
  test('is the first 1,000 digits of the embedded test split in [−1, 1] by default', async () => {
    const reference = await loadReferenceDigits();
    const test2000 = await loadMnist({ split: 'test', normalize: '[-1,1]' });
    expect(reference.count).toBe(1000);
    expect(reference.normalize).toBe('[-1,1]');
    expect(bytes(reference.images).equals(bytes(test2000.images.subarray(0, 1000 * 784)))).toBe(true);
    expect(reference.labels).toEqual(test2000.labels.subarray(0, 1000));
  });

  test('count and normalize choose how many and the range', async () => {
    const reference = await loadReferenceDigits({ count: 2000, normalize: '[0,1]' });
    expect(reference.count).toBe(2000);
    expect(bytes(reference.images).equals(bytes((await loadMnist({ split: 'test' })).images))).toBe(true);
  });

  test('a count outside 1 … 2,000 is a RangeError naming it', async () => {
    await expect(loadReferenceDigits({ count: 2001 })).rejects.toThrow(
      new RangeError("loadReferenceDigits: count must be at most 2000, the embedded test split's size, found 2001"),
    );
    await expect(loadReferenceDigits({ count: 0 })).rejects.toThrow('loadReferenceDigits: count must be a whole number ≥ 1, found 0');
    // @ts-expect-error: checked at run time for JavaScript callers
    await expect(loadReferenceDigits({ normalize: '0-255' })).rejects.toThrow("normalize must be '[0,1]' or '[-1,1]', found 0-255");
  });
});
