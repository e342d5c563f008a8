import { ConvMathError } from './conv-math-error';
import type { FlatTensor, NestedArray } from './flat-tensor';
import { describeValue } from './_validate';

/**
 * Packs rectangular nested arrays of finite numbers into a {@link FlatTensor} (Float64Array by default).
 * Throws a {@link ConvMathError} naming the first ragged row or non-finite value, e.g. `x[1] has 3
 * elements; expected 4`.
 *
 * @example
 * fromNested([[1, 2], [3, 4]]) // { data: Float64Array [1, 2, 3, 4], shape: [2, 2] }
 */
export function fromNested(nested: NestedArray, options: { name?: string; float32?: boolean } = {}): FlatTensor {
  const name = options.name ?? 'array';
  const shape: number[] = [];
  let probe: NestedArray = nested;
  while (Array.isArray(probe)) {
    if (probe.length === 0)
      throw new ConvMathError(`${name} has an empty dimension at depth ${shape.length}; every size must be at least 1`);
    shape.push(probe.length);
    probe = (probe as readonly NestedArray[])[0] as NestedArray;
  }
  if (shape.length === 0) throw new ConvMathError(`${name} must be a nested array of numbers; found ${describeValue(nested)}`);
  const size = shape.reduce((a, b) => a * b, 1);
  const data = options.float32 ? new Float32Array(size) : new Float64Array(size);
  let offset = 0;
  const walk = (node: NestedArray, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof node !== 'number' || !Number.isFinite(node)) {
        throw new ConvMathError(`${path} is ${describeValue(node)}; expected a finite number`);
      }
      data[offset++] = node;
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      const found = Array.isArray(node) ? `${node.length} elements` : describeValue(node);
      throw new ConvMathError(
        `${path} has ${found}; expected ${shape[depth]} elements (${name} must be rectangular, shape [${shape.join(', ')}])`,
      );
    }
    for (let i = 0; i < node.length; i++) walk(node[i] as NestedArray, depth + 1, `${path}[${i}]`);
  };
  walk(nested, 0, name);
  return { data, shape };
}
