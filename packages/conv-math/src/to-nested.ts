import { ConvMathError } from './conv-math-error';
import type { FlatTensor } from './flat-tensor';

/**
 * Unpacks a {@link FlatTensor} into nested arrays of plain numbers, one level per dimension.
 *
 * @example
 * toNested({ data: Float64Array.of(1, 2, 3, 4), shape: [2, 2] }) // [[1, 2], [3, 4]]
 */
export function toNested(tensor: FlatTensor): unknown[] {
  const size = tensor.shape.reduce((a, b) => a * b, 1);
  if (tensor.shape.length === 0 || size !== tensor.data.length) {
    throw new ConvMathError(`shape [${tensor.shape.join(', ')}] holds ${size} values but the data has ${tensor.data.length}`);
  }
  const build = (depth: number, offset: number): unknown[] => {
    const length = tensor.shape[depth]!;
    const inner = tensor.shape.slice(depth + 1).reduce((a, b) => a * b, 1);
    const out = new Array(length);
    for (let i = 0; i < length; i++) {
      out[i] = depth === tensor.shape.length - 1 ? tensor.data[offset + i] : build(depth + 1, offset + i * inner);
    }
    return out;
  };
  return build(0, 0);
}
