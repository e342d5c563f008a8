import type { FlatTensor } from './flat-tensor';
import { transpose4d } from './_transpose4d';

/**
 * Converts tfjs conv2d filters [kH, kW, Cin, Cout] to the weights conv2d takes, [Cout, Cin, kH, kW].
 * Takes and returns the same form: a 4-D nested array or a {@link FlatTensor} (a new array; the input is untouched).
 * Throws a {@link ConvMathError} if the input is not 4-D or ragged.
 *
 * @example
 * hwioToOihw({ data: Float32Array.from({ length: 24 }, (_, i) => i), shape: [1, 2, 3, 4] }).shape // [4, 3, 1, 2]
 */
export function hwioToOihw(x: readonly (readonly (readonly (readonly number[])[])[])[]): number[][][][];
export function hwioToOihw<T extends Float32Array | Float64Array>(x: FlatTensor<T>): FlatTensor<T>;
export function hwioToOihw(x: unknown): unknown {
  return transpose4d(x, [3, 2, 0, 1], 'HWIO', 'OIHW');
}
