/**
 * A dense array in row-major order with its shape, e.g. NCHW data as `{ data, shape: [N, C, H, W] }`.
 * conv-math's fast paths work on these without allocating per element.
 */
export interface FlatTensor<T extends Float32Array | Float64Array = Float32Array | Float64Array> {
  data: T;
  shape: readonly number[];
}

/** Nested arrays of numbers of any depth, e.g. `number[][]` or `number[][][][]`. */
export type NestedArray = number | readonly NestedArray[];
