/**
 * A dense row-major float64 array with its shape: the reference implementation's only data type.
 * Element (i, j, k) of a [I, J, K] tensor is `data[(i * J + j) * K + k]`.
 */
export interface Float64Tensor {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/**
 * Makes a Float64Tensor of `shape`, zero-filled or copied from `values` (any array-like of numbers).
 * Throws when `values` has the wrong length or the shape has a negative or fractional size.
 *
 * @example float64Tensor([2, 3], [1, 2, 3, 4, 5, 6])
 */
export function float64Tensor(shape: readonly number[], values?: ArrayLike<number>): Float64Tensor {
  for (const size of shape) {
    if (!Number.isInteger(size) || size < 0)
      throw new RangeError(`float64Tensor: shape [${shape.join(', ')}] has a size that is not a non-negative integer`);
  }
  const length = shape.reduce((product, size) => product * size, 1);
  if (values !== undefined && values.length !== length) {
    throw new RangeError(`float64Tensor: shape [${shape.join(', ')}] needs ${length} values; found ${values.length}`);
  }
  const data = new Float64Array(length);
  if (values !== undefined) data.set(Array.from(values));
  return { shape: [...shape], data };
}
