import { ConvMathError } from './conv-math-error';
import { describeValue, requireInteger } from './_validate';

/** One axis of a transposed convolution ("deconvolution"). */
export interface TransposedConvOutputSizeOptions {
  /** Input length L. */
  input: number;
  /** Kernel length F. */
  kernel: number;
  /** Padding P of the convolution it inverts: a number for both sides or [before, after]. Default 0. */
  padding?: number | readonly [before: number, after: number];
  /** Stride S. Default 1. */
  stride?: number;
  /** Dilation D. Default 1. */
  dilation?: number;
  /** Extra length added on one side to pick among the input sizes a strided conv maps to L. Default 0. */
  outputPadding?: number;
}

/**
 * Output length of a transposed convolution along one axis, as PyTorch's `ConvTranspose2d` defines it:
 * O = (L − 1)·S − P_before − P_after + D·(F − 1) + output_padding + 1.
 *
 * `outputPadding` must be smaller than the stride or the dilation; the result must be positive.
 *
 * @example
 * transposedConvOutputSize({ input: 15, kernel: 4, stride: 2 })                   // 32
 * transposedConvOutputSize({ input: 3, kernel: 3, stride: 2, padding: 1, outputPadding: 1 }) // 6
 */
export function transposedConvOutputSize(options: TransposedConvOutputSizeOptions): number {
  const input = requireInteger('input size L', options.input, 1);
  const kernel = requireInteger('kernel size F', options.kernel, 1);
  const stride = requireInteger('stride S', options.stride ?? 1, 1);
  const dilation = requireInteger('dilation D', options.dilation ?? 1, 1);
  const outputPadding = requireInteger('output padding', options.outputPadding ?? 0, 0);
  const padding = options.padding ?? 0;
  let before: number;
  let after: number;
  if (typeof padding === 'number') before = after = requireInteger('padding P', padding, 0);
  else if (Array.isArray(padding) && padding.length === 2) {
    before = requireInteger('padding P[0]', padding[0], 0);
    after = requireInteger('padding P[1]', padding[1], 0);
  } else throw new ConvMathError(`padding P must be a non-negative integer or [before, after]; found ${describeValue(padding)}`);
  if (outputPadding >= Math.max(stride, dilation)) {
    throw new ConvMathError(
      `output padding must be smaller than the stride or the dilation; found output padding ${outputPadding} with S=${stride}, D=${dilation}`,
    );
  }
  const output = (input - 1) * stride - before - after + dilation * (kernel - 1) + outputPadding + 1;
  if (output < 1) {
    throw new ConvMathError(
      `transposed conv output size is ${output} (L=${input}, F=${kernel}, P=[${before}, ${after}], S=${stride}, D=${dilation}); the padding is too large`,
    );
  }
  return output;
}
