import { ConvMathError } from './conv-math-error';
import { type Padding1d, resolvePadding } from './resolve-padding';
import { describeValue, requireInteger } from './_validate';

/**
 * How a size that does not divide evenly is rounded: `'floor'` as PyTorch and TensorFlow do for
 * convolutions, `'ceil'` as pooling's `ceil_mode` does, `'exact'` as the formula is taught
 * (throws when the stride does not divide evenly).
 */
export type SizeMode = 'floor' | 'ceil' | 'exact';

/** One axis of a convolution or pooling window. */
export interface ConvOutputSizeOptions {
  /** Input length L along the axis. */
  input: number;
  /** Kernel (filter) length F. */
  kernel: number;
  /** Zero padding P: a number for both sides, [before, after], 'valid', 'same' or 'full'. Default 0. */
  padding?: Padding1d;
  /** Stride S. Default 1. */
  stride?: number;
  /** Dilation D: the kernel covers D·(F − 1) + 1 inputs. Default 1. */
  dilation?: number;
  /** Rounding when S does not divide evenly. Default 'floor'. */
  mode?: SizeMode;
}

/** The numbers behind one output size, after padding is resolved; used by the explanations. */
export interface ResolvedOutputSize {
  input: number;
  kernel: number;
  stride: number;
  dilation: number;
  padding: [before: number, after: number];
  effectiveKernel: number;
  /** L + P_before + P_after − D·(F − 1) − 1, the span the window's start can move across. */
  span: number;
  mode: SizeMode;
  output: number;
}

/**
 * Output length of a convolution along one axis:
 * O = floor((L + P_before + P_after − D·(F − 1) − 1) / S) + 1.
 *
 * Throws a {@link ConvMathError} for non-integer or non-positive sizes, a kernel larger than the
 * padded input, and, in `'exact'` mode, a stride that does not divide (L + 2P − F) evenly.
 * `'ceil'` follows PyTorch's `ceil_mode`: a last window that would start in the right padding is dropped.
 *
 * @example
 * convOutputSize({ input: 32, kernel: 5 })                       // 28 (LeNet's first layer)
 * convOutputSize({ input: 4, kernel: 2, padding: 1, stride: 2 }) // 3 (the seed's example)
 * convOutputSize({ input: 32, kernel: 4, stride: 2 })            // 15
 */
export function convOutputSize(options: ConvOutputSizeOptions): number {
  return resolveOutputSize(options).output;
}

/** {@link convOutputSize} with every intermediate value, for explanations. Not exported from the package. */
export function resolveOutputSize(options: ConvOutputSizeOptions): ResolvedOutputSize {
  if (typeof options !== 'object' || options === null) {
    throw new ConvMathError(`output size options must be an object { input, kernel, ... }; found ${describeValue(options)}`);
  }
  const input = requireInteger('input size L', options.input, 1);
  const kernel = requireInteger('kernel size F', options.kernel, 1);
  const stride = requireInteger('stride S', options.stride ?? 1, 1);
  const dilation = requireInteger('dilation D', options.dilation ?? 1, 1);
  const mode = options.mode ?? 'floor';
  if (mode !== 'floor' && mode !== 'ceil' && mode !== 'exact') {
    throw new ConvMathError(`mode must be 'floor', 'ceil' or 'exact'; found ${describeValue(mode)}`);
  }
  const padding = resolvePadding(options.padding, { input, kernel, stride, dilation }, 'padding P');
  const effectiveKernel = dilation * (kernel - 1) + 1;
  const padded = input + padding[0] + padding[1];
  if (effectiveKernel > padded) {
    const kernelText = dilation === 1 ? `kernel F = ${kernel}` : `kernel F = ${kernel} (dilated to ${effectiveKernel})`;
    throw new ConvMathError(`${kernelText} is larger than the padded input L + P = ${input} + ${padding[0]} + ${padding[1]} = ${padded}`);
  }
  const span = padded - effectiveKernel;
  let output: number;
  if (mode === 'exact') {
    if (span % stride !== 0) {
      const pad = padding[0] === padding[1] ? `2·${padding[0]}` : `${padding[0]} + ${padding[1]}`;
      const f = dilation === 1 ? `${kernel}` : `${effectiveKernel}`;
      throw new ConvMathError(
        `output size is not an integer: (L + 2P − F)/S + 1 = (${input} + ${pad} − ${f})/${stride} + 1 = ${span}/${stride} + 1 = ${
          span / stride + 1
        } (L=${input}, F=${kernel}, P=${padding[0] === padding[1] ? padding[0] : `[${padding[0]}, ${padding[1]}]`}, S=${stride}${
          dilation === 1 ? '' : `, D=${dilation}`
        }); choose 'floor' or 'ceil' mode, or a padding that makes it whole`,
      );
    }
    output = span / stride + 1;
  } else if (mode === 'ceil') {
    output = Math.ceil(span / stride) + 1;
    // PyTorch: the last window must start inside the input or the left padding.
    if ((output - 1) * stride >= input + padding[0]) output -= 1;
  } else {
    output = Math.floor(span / stride) + 1;
  }
  return { input, kernel, stride, dilation, padding, effectiveKernel, span, mode, output };
}
