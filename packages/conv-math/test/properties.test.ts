import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  ConvMathError,
  conv1d,
  conv2d,
  convOutputSize,
  type Padding1d,
  type Padding2d,
  suggestReductions,
  summarizeNetwork,
} from '../src/index';

// Random conv2d problems: small sizes so that both valid and too-large kernels come up.
const problem = fc.record({
  batch: fc.integer({ min: 1, max: 2 }),
  groups: fc.integer({ min: 1, max: 3 }),
  inPerGroup: fc.integer({ min: 1, max: 2 }),
  outPerGroup: fc.integer({ min: 1, max: 2 }),
  height: fc.integer({ min: 1, max: 9 }),
  width: fc.integer({ min: 1, max: 9 }),
  kernelHeight: fc.integer({ min: 1, max: 4 }),
  kernelWidth: fc.integer({ min: 1, max: 4 }),
  stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
  dilation: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
  padding: fc.oneof(
    fc.integer({ min: 0, max: 3 }),
    fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
    fc.tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
    ),
    fc.constantFrom('valid' as const, 'same' as const, 'full' as const),
  ),
});

/** The same padding along one axis, in the form convOutputSize takes. */
function axisPadding(padding: Padding2d, axis: 0 | 1): Padding1d {
  if (typeof padding === 'number' || typeof padding === 'string') return padding;
  if (padding.length === 2) return padding[axis];
  return axis === 0 ? [padding[0], padding[1]] : [padding[2], padding[3]];
}

function predicted(axisOptions: Parameters<typeof convOutputSize>[0]): number | 'throws' {
  try {
    return convOutputSize(axisOptions);
  } catch (error) {
    if (error instanceof ConvMathError) return 'throws';
    throw error;
  }
}

describe('conv2d(x, w, options) properties', () => {
  test('the output shape is always [N, Cout, O_h, O_w] as convOutputSize predicts, and conv2d throws exactly when it does', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const cin = p.groups * p.inPerGroup;
        const cout = p.groups * p.outPerGroup;
        const x = {
          data: Float64Array.from({ length: p.batch * cin * p.height * p.width }, (_, i) => (i % 7) - 3),
          shape: [p.batch, cin, p.height, p.width],
        };
        const w = {
          data: Float64Array.from({ length: cout * p.inPerGroup * p.kernelHeight * p.kernelWidth }, (_, i) => (i % 5) - 2),
          shape: [cout, p.inPerGroup, p.kernelHeight, p.kernelWidth],
        };
        const options = { padding: p.padding as Padding2d, stride: p.stride, dilation: p.dilation, groups: p.groups };
        const outHeight = predicted({
          input: p.height,
          kernel: p.kernelHeight,
          stride: p.stride[0],
          dilation: p.dilation[0],
          padding: axisPadding(options.padding, 0),
        });
        const outWidth = predicted({
          input: p.width,
          kernel: p.kernelWidth,
          stride: p.stride[1],
          dilation: p.dilation[1],
          padding: axisPadding(options.padding, 1),
        });
        if (outHeight === 'throws' || outWidth === 'throws') {
          expect(() => conv2d(x, w, options)).toThrow(ConvMathError);
          return;
        }
        const y = conv2d(x, w, options);
        expect(y.shape).toEqual([p.batch, cout, outHeight, outWidth]);
        expect(y.data.length).toBe(p.batch * cout * outHeight * outWidth);
      }),
      { numRuns: 400, seed: 20260101 },
    );
  });

  test('convolution is linear in x: conv(a·x1 + x2) = a·conv(x1) + conv(x2)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: -3, max: 3 }),
        (size, kernel, stride, a) => {
          const x1 = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => i - j));
          const x2 = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => i * j));
          const w = Array.from({ length: kernel }, (_, i) => Array.from({ length: kernel }, (_, j) => i + 2 * j - 1));
          const mixed = x1.map((row, i) => row.map((v, j) => a * v + x2[i]![j]!));
          const left = conv2d(mixed, w, { stride, padding: 1 });
          const y1 = conv2d(x1, w, { stride, padding: 1 });
          const y2 = conv2d(x2, w, { stride, padding: 1 });
          expect(left).toEqual(y1.map((row, i) => row.map((v, j) => a * v + y2[i]![j]!)));
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe('robustness: arbitrary JSON never escapes as anything but a ConvMathError', () => {
  const onlyConvMathErrors = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (!(error instanceof ConvMathError)) throw error;
    }
  };
  const small = fc.oneof(
    fc.integer({ min: -2, max: 4 }),
    fc.constantFrom(null, 'same', 'x', [1, 2], [0, 1, 1, 0], [], {}, 1.5, Number.NaN),
  );
  const matrix = fc.oneof(
    fc.array(fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), small), { minLength: 0, maxLength: 4 }), { minLength: 0, maxLength: 4 }),
    fc.jsonValue({ maxDepth: 4 }),
  );

  test('conv2d and conv1d', () => {
    fc.assert(
      fc.property(matrix, matrix, small, small, small, small, small, (x, w, padding, stride, dilation, groups, bias) => {
        const options = { padding, stride, dilation, groups, bias } as never;
        onlyConvMathErrors(() => conv2d(x as never, w as never, options));
        onlyConvMathErrors(() => conv1d(x as never, w as never, options));
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  test('convOutputSize, summarizeNetwork and suggestReductions', () => {
    fc.assert(
      fc.property(small, small, small, small, fc.jsonValue({ maxDepth: 3 }), (input, kernel, padding, stride, layer) => {
        onlyConvMathErrors(() => convOutputSize({ input, kernel, padding, stride } as never));
        const network = { input: [1, 8, 8], layers: [layer, { type: 'conv2d', outChannels: 2, kernel, stride, padding }] } as never;
        onlyConvMathErrors(() => summarizeNetwork(network));
        onlyConvMathErrors(() => suggestReductions(network, { layer: input as never }));
      }),
      { numRuns: 500, seed: 4 },
    );
  });
});
