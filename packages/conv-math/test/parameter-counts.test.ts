import { describe, expect, test } from 'vitest';
import { batchNormParams, ConvMathError, convParams, denseParams, depthwiseSeparableParams } from '../src/index';

describe('parameter counts', () => {
  test.each([
    ["LeNet's C1", { inChannels: 1, outChannels: 6, kernel: 5 }, 156],
    ["the seed's reduction", { inChannels: 1, outChannels: 5, kernel: 4 }, 85],
    ['without bias', { inChannels: 3, outChannels: 16, kernel: 5, bias: false }, 1200],
    ['non-square kernel', { inChannels: 2, outChannels: 4, kernel: [3, 1] as [number, number] }, 28],
    ['two groups', { inChannels: 6, outChannels: 16, kernel: 5, groups: 2 }, 1216],
    ['depthwise (groups = channels)', { inChannels: 32, outChannels: 32, kernel: 3, groups: 32 }, 320],
  ])('convParams: %s', (_name, options, expected) => {
    expect(convParams(options)).toBe(expected);
  });

  test('depthwiseSeparableParams counts both steps', () => {
    expect(depthwiseSeparableParams({ inChannels: 1, outChannels: 6, kernel: 5 })).toBe(26 + 12);
    expect(depthwiseSeparableParams({ inChannels: 64, outChannels: 128, kernel: 3 })).toBe(64 * 10 + 128 * 65);
    expect(depthwiseSeparableParams({ inChannels: 8, outChannels: 16, kernel: 3, depthMultiplier: 2, bias: false })).toBe(16 * 9 + 16 * 16);
  });

  test('denseParams and batchNormParams', () => {
    expect(denseParams({ inFeatures: 120, outFeatures: 84 })).toBe(10164);
    expect(denseParams({ inFeatures: 120, outFeatures: 84, bias: false })).toBe(10080);
    expect(batchNormParams(64)).toBe(128);
  });

  test('reject groups that do not divide the channels, and non-positive sizes', () => {
    expect(() => convParams({ inChannels: 3, outChannels: 6, kernel: 3, groups: 2 })).toThrow(
      /groups = 2 must divide both channel counts; found Cin = 3, Cout = 6/,
    );
    expect(() => convParams({ inChannels: 0, outChannels: 6, kernel: 3 })).toThrow(/inChannels must be a positive integer; found 0/);
    expect(() => denseParams({ inFeatures: 10, outFeatures: 2.5 })).toThrow(/outFeatures must be a positive integer; found 2.5/);
    expect(() => batchNormParams(-1)).toThrow(ConvMathError);
  });
});
