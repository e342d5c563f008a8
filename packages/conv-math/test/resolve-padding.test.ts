import { describe, expect, test } from 'vitest';
import { resolvePadding } from '../src/index';

describe('resolvePadding(padding, axis)', () => {
  test.each([
    ['same', { input: 5, kernel: 3, stride: 2 }, [1, 1]],
    ['same', { input: 6, kernel: 2 }, [0, 1]],
    ['full', { input: 5, kernel: 3, dilation: 2 }, [4, 4]],
    ['valid', { input: 5, kernel: 3 }, [0, 0]],
    [2, { input: 5, kernel: 3 }, [2, 2]],
  ] as const)('%s with %o → %o', (padding, axis, expected) => {
    expect(resolvePadding(padding, axis)).toEqual(expected);
  });
});
