import { describe, expect, test } from 'vitest';
import {
  ConvMathError,
  type ConvOutputSizeOptions,
  convOutputSize,
  poolOutputSize,
  receptiveField,
  resolvePadding,
  transposedConvOutputSize,
} from '../src/index';

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

describe('poolOutputSize(options)', () => {
  test.each([
    [{ input: 28, kernel: 2 }, 14],
    [{ input: 15, kernel: 2 }, 7],
    [{ input: 15, kernel: 2, ceilMode: true }, 8],
    [{ input: 112, kernel: 3, stride: 2, padding: 1 }, 56],
    [{ input: 6, kernel: 3, stride: 2, ceilMode: true }, 3],
  ])('%o → %i', (options, expected) => {
    expect(poolOutputSize(options)).toBe(expected);
  });
});

describe('receptiveField(layers)', () => {
  test("LeNet's C1–S4 stack: each unit sees 16×16 pixels, 4 apart", () => {
    const result = receptiveField([{ kernel: 5 }, { kernel: 2, stride: 2 }, { kernel: 5 }, { kernel: 2, stride: 2 }]);
    expect(result.layers.map((l) => [l.receptiveField, l.jump])).toEqual([
      [5, 1],
      [6, 2],
      [14, 2],
      [16, 4],
    ]);
    expect(result.receptiveField).toBe(16);
    expect(result.jump).toBe(4);
  });

  test('dilation and padding: three 3×3 convs with dilation 1, 2, 4 see 15 pixels; padding moves the start', () => {
    const result = receptiveField([
      { kernel: 3, dilation: 1, padding: 1 },
      { kernel: 3, dilation: 2, padding: 2 },
      { kernel: 3, dilation: 4, padding: 4 },
    ]);
    expect(result.receptiveField).toBe(15);
    expect(result.start).toBe(0.5); // 'same' padding keeps the first unit centred on the first pixel
  });

  test('an empty stack is one pixel; a bad layer names its index', () => {
    expect(receptiveField([])).toMatchObject({ receptiveField: 1, jump: 1 });
    expect(() => receptiveField([{ kernel: 3 }, { kernel: 0 }])).toThrow(/layers\[1\].kernel must be a positive integer; found 0/);
  });
});
