import { describe, expect, test } from 'vitest';
import { convOutputSize, transposedConvOutputSize } from '../src/index';

describe('transposedConvOutputSize(options)', () => {
  test.each([
    [{ input: 15, kernel: 4, stride: 2 }, 32],
    [{ input: 3, kernel: 3, stride: 2, padding: 1, outputPadding: 1 }, 6],
    [{ input: 3, kernel: 3, stride: 2, padding: 1 }, 5],
    [{ input: 4, kernel: 3, dilation: 2 }, 8],
  ])('%o → %i', (options, expected) => {
    expect(transposedConvOutputSize(options)).toBe(expected);
  });

  test('inverts the strided conv size it pairs with', () => {
    for (let input = 4; input <= 20; input++) {
      const down = convOutputSize({ input, kernel: 3, padding: 1, stride: 2 });
      const outputPadding = (input + 2 - 3) % 2;
      expect(transposedConvOutputSize({ input: down, kernel: 3, padding: 1, stride: 2, outputPadding })).toBe(input);
    }
  });

  test('rejects output padding not smaller than the stride, and a non-positive result', () => {
    expect(() => transposedConvOutputSize({ input: 3, kernel: 3, stride: 2, outputPadding: 2 })).toThrow(
      /output padding must be smaller than the stride or the dilation; found output padding 2 with S=2, D=1/,
    );
    expect(() => transposedConvOutputSize({ input: 1, kernel: 1, padding: 1 })).toThrow(/output size is -1/);
  });
});
