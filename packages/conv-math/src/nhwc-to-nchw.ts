import type { FlatTensor } from './flat-tensor';
import { transpose4d } from './_transpose4d';

/**
 * Converts a tfjs NHWC tensor [N, H, W, C] to NCHW [N, C, H, W].
 * Takes and returns the same form: a 4-D nested array or a {@link FlatTensor} (a new array; the input is untouched).
 * Throws a {@link ConvMathError} if the input is not 4-D or ragged.
 *
 * @example
 * nhwcToNchw({ data: Float32Array.from({ length: 24 }, (_, i) => i), shape: [1, 2, 3, 4] }).shape // [1, 4, 2, 3]
 */
export function nhwcToNchw(x: readonly (readonly (readonly (readonly number[])[])[])[]): number[][][][];
export function nhwcToNchw<T extends Float32Array | Float64Array>(x: FlatTensor<T>): FlatTensor<T>;
export function nhwcToNchw(x: unknown): unknown {
  return transpose4d(x, [0, 3, 1, 2], 'NHWC', 'NCHW');
}
