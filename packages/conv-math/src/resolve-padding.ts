import { ConvMathError } from './conv-math-error';
import { describeValue, requireInteger } from './_validate';

/** Padding along one axis: zeros on both sides, [before, after], or a named rule. */
export type Padding1d = number | readonly [before: number, after: number] | 'valid' | 'same' | 'full';

/**
 * Padding of a 2-D convolution: one number for every side, [height, width] per axis,
 * [top, bottom, left, right], or a named rule ('valid': none; 'same': output = ceil(input / stride),
 * the extra zero going after, as TensorFlow does; 'full': every partial overlap, D·(F − 1) per side).
 */
export type Padding2d =
  | number
  | readonly [height: number, width: number]
  | readonly [top: number, bottom: number, left: number, right: number]
  | 'valid'
  | 'same'
  | 'full';

/**
 * Resolves padding along one axis to the zeros added before and after it.
 * `'same'` and `'full'` depend on the input size, kernel, stride and dilation; numbers do not.
 *
 * @example
 * resolvePadding('same', { input: 5, kernel: 3, stride: 2 }) // [1, 1]
 * resolvePadding([0, 1], { input: 5, kernel: 3 })            // [0, 1]
 */
export function resolvePadding(
  padding: Padding1d | undefined,
  axis: { input: number; kernel: number; stride?: number; dilation?: number },
  name = 'padding',
): [before: number, after: number] {
  if (padding === undefined || padding === 'valid') return [0, 0];
  const effectiveKernel = (axis.dilation ?? 1) * (axis.kernel - 1) + 1;
  if (padding === 'full') return [effectiveKernel - 1, effectiveKernel - 1];
  if (padding === 'same') {
    const stride = axis.stride ?? 1;
    const total = Math.max((Math.ceil(axis.input / stride) - 1) * stride + effectiveKernel - axis.input, 0);
    const before = Math.floor(total / 2);
    return [before, total - before];
  }
  if (typeof padding === 'number') {
    requireInteger(name, padding, 0);
    return [padding, padding];
  }
  if (Array.isArray(padding) && padding.length === 2) {
    return [requireInteger(`${name}[0]`, padding[0], 0), requireInteger(`${name}[1]`, padding[1], 0)];
  }
  throw new ConvMathError(
    `${name} must be a non-negative integer, [before, after], 'valid', 'same' or 'full'; found ${describeValue(padding)}`,
  );
}

/** Resolves 2-D padding to [top, bottom, left, right] for the given input and kernel. */
export function resolvePadding2d(
  padding: Padding2d | undefined,
  input: readonly [number, number],
  kernel: readonly [number, number],
  stride: readonly [number, number],
  dilation: readonly [number, number],
): [top: number, bottom: number, left: number, right: number] {
  let perAxis: [Padding1d | undefined, Padding1d | undefined];
  if (Array.isArray(padding)) {
    if (padding.length === 2) perAxis = [padding[0], padding[1]];
    else if (padding.length === 4)
      perAxis = [
        [padding[0], padding[1]],
        [padding[2], padding[3]],
      ];
    else
      throw new ConvMathError(
        `padding must be a number, [height, width], [top, bottom, left, right], 'valid', 'same' or 'full'; found an array of length ${padding.length}`,
      );
  } else if (padding === undefined || typeof padding === 'number' || typeof padding === 'string') {
    if (typeof padding === 'string' && !['valid', 'same', 'full'].includes(padding)) {
      throw new ConvMathError(`padding must be a number, an array, 'valid', 'same' or 'full'; found ${describeValue(padding)}`);
    }
    perAxis = [padding as Padding1d | undefined, padding as Padding1d | undefined];
  } else {
    throw new ConvMathError(`padding must be a number, an array, 'valid', 'same' or 'full'; found ${describeValue(padding)}`);
  }
  const [top, bottom] = resolvePadding(
    perAxis[0],
    { input: input[0], kernel: kernel[0], stride: stride[0], dilation: dilation[0] },
    'padding (height)',
  );
  const [left, right] = resolvePadding(
    perAxis[1],
    { input: input[1], kernel: kernel[1], stride: stride[1], dilation: dilation[1] },
    'padding (width)',
  );
  return [top, bottom, left, right];
}
