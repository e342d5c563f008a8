import type { FlatTensor } from './flat-tensor';
import { transpose4d } from './_transpose4d';

/**
 * Converts an NCHW input [N, C, H, W] to tfjs's NHWC [N, H, W, C].
 * Takes and returns the same form: a 4-D nested array or a {@link FlatTensor} (a new array; the input is untouched).
 * Throws a {@link ConvMathError} if the input is not 4-D or ragged.
 *
 * @example
 * nchwToNhwc({ data: Float32Array.from({ length: 24 }, (_, i) => i), shape: [1, 2, 3, 4] }).shape // [1, 3, 4, 2]
 */
export function nchwToNhwc(x: readonly (readonly (readonly (readonly number[])[])[])[]): number[][][][];
export function nchwToNhwc<T extends Float32Array | Float64Array>(x: FlatTensor<T>): FlatTensor<T>;
export function nchwToNhwc(x: unknown): unknown {
  return transpose4d(x, [0, 2, 3, 1], 'NCHW', 'NHWC');
}
