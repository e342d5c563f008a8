import type { Float64Tensor } from './float64-tensor';

/** Rejects a Float64Tensor whose data does not fill its shape, or that holds NaN or ±Infinity. */
export function checkFloat64(name: string, tensor: Float64Tensor): void {
  const length = tensor.shape.reduce((product, size) => product * size, 1);
  if (tensor.data.length !== length) {
    throw new RangeError(`lstm: ${name} has shape [${tensor.shape.join(', ')}], which needs ${length} values; found ${tensor.data.length}`);
  }
  for (let k = 0; k < length; k++) {
    if (!Number.isFinite(tensor.data[k]))
      throw new RangeError(`lstm: ${name} holds ${tensor.data[k]} at flat index ${k}; expected finite numbers`);
  }
}
