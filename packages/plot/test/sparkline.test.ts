import { describe, expect, test } from 'vitest';
import { sparkline } from '../src/node';

describe('sparkline(values, width)', () => {
  test.each([
    [[3, 1, 4, 1, 5, 9, 2, 6], undefined, '▃▁▄▁▅█▂▆'],
    [[0, 1, 2, 3, 4, 5, 6, 7], undefined, '▁▂▃▄▅▆▇█'],
    [[1, Number.NaN, 2], undefined, '▁ █'],
    [[5, 5, 5], undefined, '▄▄▄'],
    [[], undefined, ''],
    [[Number.NaN, Number.POSITIVE_INFINITY], undefined, '  '],
    // 8 values into 4 buckets: means 0.5, 2.5, 4.5, 6.5.
    [[0, 1, 2, 3, 4, 5, 6, 7], 4, '▁▃▆█'],
    [new Float32Array([2, 1]), 10, '█▁'],
  ])('sparkline(%o, %o) is %o', (values, width, expected) => {
    expect(sparkline(values, width)).toBe(expected);
  });

  test('never returns more characters than width', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i / 30));
    expect(Array.from(sparkline(values, 37))).toHaveLength(37);
  });

  test('rejects a width that is not a positive integer', () => {
    expect(() => sparkline([1, 2], 0)).toThrow(/width must be a positive integer, found 0/);
  });
});
