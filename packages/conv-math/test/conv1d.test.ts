import { describe, expect, test } from 'vitest';
import { ConvMathError, conv1d } from '../src/index';

describe('conv1d(x, w, options)', () => {
  test('slides a 1-D kernel along a 1-D signal', () => {
    expect(conv1d([1, 2, 3, 4], [1, -1])).toEqual([-1, -1, -1]);
  });

  test('pads, strides and dilates along the length', () => {
    expect(conv1d([1, 2, 3], [1, 1, 1], { padding: 1 })).toEqual([3, 6, 5]);
    expect(conv1d([1, 2, 3, 4, 5], [1], { stride: 2 })).toEqual([1, 3, 5]);
    expect(conv1d([1, 2, 3, 4, 5], [1, 1], { dilation: 3 })).toEqual([5, 7]);
    expect(conv1d([1, 2, 3], [1, 1], { padding: [0, 1] })).toEqual([3, 5, 3]);
    expect(conv1d([1, 2, 3], [1, 1], { padding: 'full' })).toEqual([1, 3, 5, 3]);
  });

  test('flipKernel reverses the kernel', () => {
    expect(conv1d([1, 2, 3], [1, 0], { flipKernel: true })).toEqual([2, 3]);
  });

  test('[N, C, L] input with [Cout, Cin, K] weights and a bias', () => {
    expect(
      conv1d(
        [
          [
            [1, 2, 3],
            [10, 20, 30],
          ],
        ],
        [
          [
            [1, 0],
            [0, 1],
          ],
        ],
        { bias: [0.5] },
      ),
    ).toEqual([[[21.5, 32.5]]]);
  });

  test('FlatTensors keep their array type', () => {
    const y = conv1d({ data: Float32Array.of(1, 2, 3), shape: [1, 1, 3] }, { data: Float32Array.of(1, 1), shape: [1, 1, 2] });
    expect(y.data).toBeInstanceOf(Float32Array);
    expect(y.shape).toEqual([1, 1, 2]);
    expect(Array.from(y.data)).toEqual([3, 5]);
  });

  test('rejects mismatched ranks, a kernel longer than the input and bad padding', () => {
    expect(() => conv1d([1, 2] as never, [[[1]]] as never)).toThrow(/x is 1-D and w is 3-D/);
    expect(() => conv1d([1, 2], [1, 2, 3])).toThrow(/kernel F = 3 is larger than the padded input/);
    expect(() => conv1d([1, 2], [1], { padding: [1, 2, 3] as never })).toThrow(ConvMathError);
    expect(() => conv1d({ data: new Float32Array(2), shape: [2] }, { data: new Float32Array(1), shape: [1, 1, 1] })).toThrow(
      /x must be 3-D/,
    );
  });
});
