import { describe, expect, test } from 'vitest';
import { ConvMathError, type ConvOutputSizeOptions, convOutputSize } from '../src/index';

describe('convOutputSize(options)', () => {
  test.each<[string, ConvOutputSizeOptions, number]>([
    ["LeNet's C1: 32, F 5", { input: 32, kernel: 5 }, 28],
    ['the seed: 4, F 2, P 1, S 2', { input: 4, kernel: 2, padding: 1, stride: 2 }, 3],
    ["the seed's reduction: 32, F 4, S 2 (floor)", { input: 32, kernel: 4, stride: 2 }, 15],
    ['same 3×3, P 1', { input: 28, kernel: 3, padding: 1 }, 28],
    ['ResNet stem: 224, F 7, P 3, S 2', { input: 224, kernel: 7, padding: 3, stride: 2 }, 112],
    ['dilation 2 widens F 3 to 5', { input: 10, kernel: 3, dilation: 2 }, 6],
    ['asymmetric padding [0, 1]', { input: 5, kernel: 2, padding: [0, 1], stride: 2 }, 3],
    ["'valid'", { input: 7, kernel: 3, padding: 'valid', stride: 2 }, 3],
    ["'same' with stride 2 is ceil(L/S)", { input: 7, kernel: 3, padding: 'same', stride: 2 }, 4],
    ["'full' grows by F − 1", { input: 5, kernel: 3, padding: 'full' }, 7],
    ['floor mode rounds down', { input: 32, kernel: 5, stride: 2 }, 14],
    ['ceil mode rounds up', { input: 32, kernel: 5, stride: 2, mode: 'ceil' }, 15],
    ['ceil mode drops a window starting in the right padding', { input: 5, kernel: 2, padding: 1, stride: 2, mode: 'ceil' }, 3],
    ['exact mode when S divides evenly', { input: 32, kernel: 4, padding: 1, stride: 2, mode: 'exact' }, 16],
    ['kernel as large as the input', { input: 5, kernel: 5 }, 1],
  ])('%s', (_name, options, expected) => {
    expect(convOutputSize(options)).toBe(expected);
  });

  test("'exact' mode throws naming the values when S does not divide evenly", () => {
    const run = () => convOutputSize({ input: 32, kernel: 5, stride: 2, mode: 'exact' });
    expect(run).toThrow(ConvMathError);
    expect(run).toThrow('(L + 2P − F)/S + 1 = (32 + 2·0 − 5)/2 + 1 = 27/2 + 1 = 14.5 (L=32, F=5, P=0, S=2)');
    expect(() => convOutputSize({ input: 5, kernel: 2, padding: 1, stride: 2, mode: 'exact' })).toThrow(/= 3\.5 \(L=5, F=2, P=1, S=2\)/);
  });

  test.each<[string, ConvOutputSizeOptions, RegExp]>([
    ['zero input', { input: 0, kernel: 1 }, /input size L must be a positive integer; found 0/],
    ['negative kernel', { input: 5, kernel: -2 }, /kernel size F must be a positive integer; found -2/],
    ['fractional stride', { input: 5, kernel: 2, stride: 0.5 }, /stride S must be a positive integer; found 0.5/],
    ['NaN input', { input: Number.NaN, kernel: 2 }, /input size L must be a positive integer; found NaN/],
    ['negative padding', { input: 5, kernel: 2, padding: -1 }, /padding P must be a non-negative integer; found -1/],
    [
      'kernel larger than the padded input',
      { input: 3, kernel: 6, padding: 1 },
      /kernel F = 6 is larger than the padded input L \+ P = 3 \+ 1 \+ 1 = 5/,
    ],
    ['unknown mode', { input: 5, kernel: 2, mode: 'round' as never }, /mode must be 'floor', 'ceil' or 'exact'; found "round"/],
  ])('rejects %s', (_name, options, message) => {
    expect(() => convOutputSize(options)).toThrow(message);
  });
});
