import { ConvMathError } from './conv-math-error';
import type { FlatTensor, NestedArray } from './flat-tensor';
import { fromNested } from './from-nested';
import { toNested } from './to-nested';

/** Permutes the axes of a 4-D FlatTensor or nested array; the layout converters are named uses of it. */
export function transpose4d(input: unknown, perm: readonly [number, number, number, number], from: string, to: string): unknown {
  const nested = Array.isArray(input);
  const tensor: FlatTensor = nested ? fromNested(input as NestedArray, { name: from }) : (input as FlatTensor);
  if (typeof tensor !== 'object' || tensor === null || !('shape' in tensor) || !('data' in tensor)) {
    throw new ConvMathError(`${from} → ${to} expects a 4-D nested array or a FlatTensor { data, shape }`);
  }
  const shape = tensor.shape;
  if (shape.length !== 4) throw new ConvMathError(`${from} → ${to} expects a 4-D ${from} tensor; found shape [${shape.join(', ')}]`);
  const size = shape[0]! * shape[1]! * shape[2]! * shape[3]!;
  if (tensor.data.length !== size) {
    throw new ConvMathError(`data has ${tensor.data.length} values; shape [${shape.join(', ')}] needs ${size}`);
  }
  const outShape = perm.map((axis) => shape[axis]!) as [number, number, number, number];
  const inStrides = [shape[1]! * shape[2]! * shape[3]!, shape[2]! * shape[3]!, shape[3]!, 1];
  // Stride in the input of each output axis, so the loop walks the output in order.
  const s0 = inStrides[perm[0]]!;
  const s1 = inStrides[perm[1]]!;
  const s2 = inStrides[perm[2]]!;
  const s3 = inStrides[perm[3]]!;
  const data = tensor.data instanceof Float32Array ? new Float32Array(size) : new Float64Array(size);
  let k = 0;
  for (let a = 0; a < outShape[0]; a++)
    for (let b = 0; b < outShape[1]; b++)
      for (let c = 0; c < outShape[2]; c++) {
        const base = a * s0 + b * s1 + c * s2;
        for (let d = 0; d < outShape[3]; d++) data[k++] = tensor.data[base + d * s3]!;
      }
  const result = { data, shape: outShape };
  return nested ? toNested(result) : result;
}
