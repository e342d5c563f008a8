import type { FlatTensor } from './flat-tensor';
import { transpose4d } from './_transpose4d';

/**
 * Converts conv2d weights [Cout, Cin, kH, kW] to tfjs conv2d filters [kH, kW, Cin, Cout].
 * Takes and returns the same form: a 4-D nested array or a {@link FlatTensor} (a new array; the input is untouched).
 * Throws a {@link ConvMathError} if the input is not 4-D or ragged.
 *
 * @example
 * oihwToHwio({ data: Float32Array.from({ length: 24 }, (_, i) => i), shape: [1, 2, 3, 4] }).shape // [3, 4, 2, 1]
 */
export function oihwToHwio(x: readonly (readonly (readonly (readonly number[])[])[])[]): number[][][][];
export function oihwToHwio<T extends Float32Array | Float64Array>(x: FlatTensor<T>): FlatTensor<T>;
export function oihwToHwio(x: unknown): unknown {
  return transpose4d(x, [2, 3, 1, 0], 'OIHW', 'HWIO');
}
