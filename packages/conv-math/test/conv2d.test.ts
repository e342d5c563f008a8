import { describe, expect, test } from 'vitest';
import { ConvMathError, conv2d, conv2dOutputShape, type FlatTensor } from '../src/index';
import { seedW, seedX } from './_seed-example';

describe('conv2d(x, w, options) on the seed example', () => {
  test('padding 1, stride 2 gives the hand-computed 3×3 output', () => {
    // The seed's answer key prints [[1,15,20],...]: its O[0][1] is an arithmetic slip. The window of
    // O[0][1] over the padded input is [[0,0],[2,3]], so O[0][1] = 0·4 + 0·2 + 2·5 + 3·1 = 13
    // (tfjs agrees, see tfjs-agreement.test.ts). Every other cell matches the key, O[1][1] = 99 included.
    expect(conv2d(seedX, seedW, { padding: 1, stride: 2 })).toEqual([
      [1, 13, 20],
      [19, 99, 92],
      [26, 86, 64],
    ]);
  });

  test('O[1][1] = 6·4 + 7·2 + 10·5 + 11·1 = 99, as the seed derives it', () => {
    expect(conv2d(seedX, seedW, { padding: 1, stride: 2 })[1]![1]).toBe(6 * 4 + 7 * 2 + 10 * 5 + 11 * 1);
  });

  test('no padding, stride 1 is the plain sliding window', () => {
    expect(conv2d(seedX, seedW)).toEqual([
      [1 * 4 + 2 * 2 + 5 * 5 + 6 * 1, 2 * 4 + 3 * 2 + 6 * 5 + 7 * 1, 3 * 4 + 4 * 2 + 7 * 5 + 8 * 1],
      [5 * 4 + 6 * 2 + 9 * 5 + 10 * 1, 6 * 4 + 7 * 2 + 10 * 5 + 11 * 1, 7 * 4 + 8 * 2 + 11 * 5 + 12 * 1],
      [9 * 4 + 10 * 2 + 13 * 5 + 14 * 1, 10 * 4 + 11 * 2 + 14 * 5 + 15 * 1, 11 * 4 + 12 * 2 + 15 * 5 + 16 * 1],
    ]);
  });

  test('flipKernel gives the mathematical convolution: cross-correlation with the kernel rotated 180°', () => {
    const flipped = conv2d(seedX, seedW, { padding: 1, stride: 2, flipKernel: true });
    const rotated = conv2d(
      seedX,
      [
        [1, 5],
        [2, 4],
      ],
      { padding: 1, stride: 2 },
    );
    expect(flipped).toEqual(rotated);
    expect(flipped).not.toEqual(conv2d(seedX, seedW, { padding: 1, stride: 2 }));
  });

  test('a single-channel bias is one number added everywhere', () => {
    const plain = conv2d(seedX, seedW, { padding: 1, stride: 2 });
    expect(conv2d(seedX, seedW, { padding: 1, stride: 2, bias: 0.5 })).toEqual(plain.map((row) => row.map((v) => v + 0.5)));
  });
});

describe('conv2d(x, w, options) padding, stride and dilation', () => {
  const x = Array.from({ length: 5 }, (_, i) => Array.from({ length: 6 }, (_, j) => i * 6 + j + 1));
  const one = [[1]];

  test("'full' padding with a 1×1 kernel is the input itself", () => {
    expect(conv2d(x, one, { padding: 'full' })).toEqual(x);
  });

  test('[top, bottom, left, right] padding adds zeros where it says', () => {
    const y = conv2d(x, one, { padding: [1, 0, 0, 2] });
    expect(y.length).toBe(6);
    expect(y[0]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(y[1]).toEqual([1, 2, 3, 4, 5, 6, 0, 0]);
  });

  test('[height, width] padding pads each axis on both sides', () => {
    const y = conv2d(x, one, { padding: [0, 1] });
    expect(y).toEqual(x.map((row) => [0, ...row, 0]));
  });

  test('stride per axis picks every S-th row and column', () => {
    expect(conv2d(x, one, { stride: [2, 3] })).toEqual([
      [1, 4],
      [13, 16],
      [25, 28],
    ]);
  });

  test('dilation per axis spreads the kernel taps', () => {
    // A 2×2 kernel with dilation [2, 3] reads x[i][j], x[i][j+3], x[i+2][j], x[i+2][j+3].
    const y = conv2d(
      x,
      [
        [1, 10],
        [100, 1000],
      ],
      { dilation: [2, 3] },
    );
    expect(y.length).toBe(3);
    expect(y[0]!.length).toBe(3);
    expect(y[1]![2]).toBe(x[1]![2]! + 10 * x[1]![5]! + 100 * x[3]![2]! + 1000 * x[3]![5]!);
  });

  test("'same' padding keeps ceil(L / S) outputs, the extra zero after (TensorFlow's rule)", () => {
    expect(conv2dOutputShape([1, 1, 5, 6], [1, 1, 3, 4], { padding: 'same', stride: 2 })).toEqual([1, 1, 3, 3]);
    // Kernel width 2, stride 1: one zero of padding, on the right.
    expect(conv2d([[1, 2, 3]], [[1, 1]], { padding: 'same' })).toEqual([[3, 5, 3]]);
  });
});

describe('conv2d(x, w, options) channels, groups, batch and typed arrays', () => {
  test('NCHW input with two channels sums over channels and adds one bias per filter', () => {
    const x = [
      [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [10, 20],
          [30, 40],
        ],
      ],
    ]; // [1, 2, 2, 2]
    const w = [
      [[[1]], [[2]]],
      [[[0]], [[-1]]],
    ]; // [2, 2, 1, 1]
    expect(conv2d(x, w, { bias: [100, 0] })).toEqual([
      [
        [
          [121, 142],
          [163, 184],
        ],
        [
          [-10, -20],
          [-30, -40],
        ],
      ],
    ]);
  });

  test('groups = channels is a depthwise convolution: no channel mixing', () => {
    const x = [
      [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ],
    ];
    const w = [[[[2]]], [[[3]]]]; // [2, 1, 1, 1]
    expect(conv2d(x, w, { groups: 2 })).toEqual([
      [
        [
          [2, 4],
          [6, 8],
        ],
        [
          [15, 18],
          [21, 24],
        ],
      ],
    ]);
  });

  test('each batch item is convolved on its own', () => {
    const x = [[[[1, 2]]], [[[3, 4]]]]; // [2, 1, 1, 2]
    expect(conv2d(x, [[[[1, 1]]]])).toEqual([[[[3]]], [[[7]]]]);
  });

  test('flipKernel with many filters equals each kernel rotated 180°', () => {
    const x = { data: Float64Array.from({ length: 2 * 3 * 6 * 5 }, (_, i) => Math.sin(i)), shape: [2, 3, 6, 5] };
    const w = { data: Float64Array.from({ length: 6 * 3 * 3 * 2 }, (_, i) => Math.cos(i)), shape: [6, 3, 3, 2] };
    const rotated = new Float64Array(w.data.length);
    for (let f = 0; f < 6 * 3; f++) for (let t = 0; t < 6; t++) rotated[f * 6 + t] = w.data[f * 6 + (5 - t)]!;
    const options = { stride: [2, 1] as [number, number], padding: 1 };
    expect(conv2d(x, w, { ...options, flipKernel: true })).toEqual(conv2d(x, { data: rotated, shape: w.shape }, options));
  });

  test('Float32Array in gives Float32Array out; Float64Array gives Float64Array', () => {
    const data = Float32Array.from({ length: 16 }, (_, i) => i + 1);
    const y32 = conv2d(
      { data, shape: [1, 1, 4, 4] },
      { data: Float32Array.from([4, 2, 5, 1]), shape: [1, 1, 2, 2] },
      { padding: 1, stride: 2 },
    );
    expect(y32.data).toBeInstanceOf(Float32Array);
    expect(y32.shape).toEqual([1, 1, 3, 3]);
    expect(Array.from(y32.data)).toEqual([1, 13, 20, 19, 99, 92, 26, 86, 64]);
    const y64: FlatTensor<Float64Array> = conv2d(
      { data: Float64Array.from(data), shape: [1, 1, 4, 4] },
      { data: Float64Array.from([4, 2, 5, 1]), shape: [1, 1, 2, 2] },
    );
    expect(y64.data).toBeInstanceOf(Float64Array);
  });
});

describe('conv2d(x, w, options) rejects bad input with one clear error', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['a ragged row', () => conv2d([[1, 2], [3]], [[1]]), /x\[1\] has 1 elements; expected 2/],
    ['NaN in x', () => conv2d([[1, Number.NaN]], [[1]]), /x\[0\]\[1\] is NaN; expected a finite number/],
    ['Infinity in w', () => conv2d([[1, 2]], [[Number.POSITIVE_INFINITY]]), /w\[0\]\[0\] is Infinity/],
    ['a string value', () => conv2d([[1, '2' as unknown as number]], [[1]]), /x\[0\]\[1\] is "2"; expected a finite number/],
    ['an empty array', () => conv2d([], [[1]]), /x has an empty dimension/],
    ['2-D x with 4-D w', () => conv2d([[1]] as never, [[[[1]]]] as never), /x is 2-D and w is 4-D/],
    ['3-D x', () => conv2d([[[1]]] as never, [[[1]]] as never), /both must be 2-D .* or 4-D/],
    [
      'a kernel larger than the padded input',
      () => conv2d([[1, 2]], [[1, 2, 3]]),
      /width: kernel F = 3 is larger than the padded input L \+ P = 2 \+ 0 \+ 0 = 2/,
    ],
    ['a dilated kernel larger than the input', () => conv2d([[1, 2, 3]], [[1, 2]], { dilation: 3 }), /kernel F = 2 \(dilated to 4\)/],
    ['stride 0', () => conv2d([[1]], [[1]], { stride: 0 }), /stride must be a positive integer; found 0/],
    ['a fractional stride', () => conv2d([[1]], [[1]], { stride: 1.5 }), /stride must be a positive integer; found 1.5/],
    ['negative dilation', () => conv2d([[1]], [[1]], { dilation: [1, -1] }), /dilation\[1\] must be a positive integer; found -1/],
    ['negative padding', () => conv2d([[1]], [[1]], { padding: -1 }), /padding \(height\) must be a non-negative integer; found -1/],
    ['an unknown padding name', () => conv2d([[1]], [[1]], { padding: 'half' as never }), /padding must be .* found "half"/],
    ['a padding array of length 3', () => conv2d([[1]], [[1]], { padding: [1, 1, 1] as never }), /found an array of length 3/],
    ['groups on a 2-D input', () => conv2d([[1]], [[1]], { groups: 2 }), /groups must be 1 for 2-D/],
    [
      'groups that do not divide Cin',
      () => conv2d([[[[1]], [[1]], [[1]]]], [[[[1]]]], { groups: 2 }),
      /groups = 2 must divide the input channels; found Cin = 3/,
    ],
    [
      'groups that do not divide Cout',
      () => conv2d([[[[1]], [[1]]]], [[[[1]]], [[[1]]], [[[1]]]], { groups: 2 }),
      /must divide the output channels; found Cout = 3/,
    ],
    [
      'w channels that do not match Cin/groups',
      () =>
        conv2d(
          [[[[1]], [[1]]]],
          [
            [[[1]], [[1]]],
            [[[1]], [[1]]],
          ],
          { groups: 2 },
        ),
      /w has 2 input channels .* expected Cin\/groups = 2\/2 = 1/,
    ],
    [
      'a bias of the wrong length',
      () => conv2d([[[[1]]]], [[[[1]]]], { bias: [1, 2] }),
      /bias must have one value per output channel \(1\)/,
    ],
    ['a NaN bias', () => conv2d([[1]], [[1]], { bias: Number.NaN }), /bias\[0\] is NaN/],
    [
      'flat data that does not fill its shape',
      () => conv2d({ data: new Float32Array(3), shape: [1, 1, 2, 2] }, { data: new Float32Array(1), shape: [1, 1, 1, 1] }),
      /x.data has 3 values; its shape \[1, 1, 2, 2\] needs 4/,
    ],
    [
      'NaN in flat data',
      () => conv2d({ data: Float64Array.of(1, Number.NaN), shape: [1, 1, 1, 2] }, { data: Float64Array.of(1), shape: [1, 1, 1, 1] }),
      /x.data\[1\] is NaN/,
    ],
    [
      'a flat x with a nested w',
      () => conv2d({ data: new Float32Array(1), shape: [1, 1, 1, 1] } as never, [[1]] as never),
      /both be FlatTensors/,
    ],
    [
      'a flat x of the wrong rank',
      () => conv2d({ data: new Float32Array(4), shape: [2, 2] }, { data: new Float32Array(1), shape: [1, 1, 1, 1] }),
      /x must be 4-D \[N, C, H, W\] \(NCHW\); found shape \[2, 2\]/,
    ],
    ['x that is not an array', () => conv2d('abc' as never, [[1]]), /x must be a nested array or a FlatTensor/],
  ];
  test.each(cases)('%s', (_name, run, message) => {
    expect(run).toThrow(ConvMathError);
    expect(run).toThrow(message);
  });
});
