import { ConvMathError } from './conv-math-error';
import { type Conv2dGeometryOptions, resolveConv2dGeometry } from './conv2d-output-shape';
import type { FlatTensor, NestedArray } from './flat-tensor';
import { fromNested } from './from-nested';
import { toNested } from './to-nested';
import { conv2dKernel } from './_conv2d-kernel';
import { describeValue } from './_validate';

/** Options of {@link conv2d}: the geometry plus bias and kernel flipping. */
export interface Conv2dOptions extends Conv2dGeometryOptions {
  /** One value per output channel added to every output of that channel (a number for single-channel input). */
  bias?: number | ArrayLike<number>;
  /**
   * Flip the kernel in both axes first: the mathematical convolution instead of the
   * cross-correlation deep-learning frameworks call convolution. Default false.
   */
  flipKernel?: boolean;
}

/**
 * 2-D convolution as deep-learning frameworks define it, (x ⋆ w)_ij = Σ_k Σ_l x_{S·i + D·k, S·j + D·l} · w_kl
 * (cross-correlation over the zero-padded input), with padding, stride and dilation per axis,
 * channel groups, batch and bias.
 *
 * Three forms, the result matching the input's:
 * - `number[][]` input and kernel: one channel, as written on paper; returns `number[][]`.
 * - `number[][][][]` NCHW input and [Cout, Cin/groups, kH, kW] weights (PyTorch's layout); returns NCHW.
 * - {@link FlatTensor}s (Float32Array or Float64Array, same layouts): the fast path, no per-element
 *   allocation; returns a FlatTensor of the input's array type. Sums are accumulated in float64.
 *
 * Throws a {@link ConvMathError} for wrong shapes, channels that do not match the groups, non-finite
 * values, a bias of the wrong length, or a kernel larger than the padded input.
 * Use {@link nhwcToNchw} and {@link hwioToOihw} for tensors in tfjs's layout.
 *
 * @example
 * conv2d([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]], [[4, 2], [5, 1]], { padding: 1, stride: 2 })
 * // [[1, 13, 20], [19, 99, 92], [26, 86, 64]]
 */
export function conv2d(x: readonly (readonly number[])[], w: readonly (readonly number[])[], options?: Conv2dOptions): number[][];
export function conv2d(
  x: readonly (readonly (readonly (readonly number[])[])[])[],
  w: readonly (readonly (readonly (readonly number[])[])[])[],
  options?: Conv2dOptions,
): number[][][][];
export function conv2d<T extends Float32Array | Float64Array>(x: FlatTensor<T>, w: FlatTensor, options?: Conv2dOptions): FlatTensor<T>;
export function conv2d(x: unknown, w: unknown, options: Conv2dOptions = {}): unknown {
  if (isFlatTensor(x) || isFlatTensor(w)) {
    if (!isFlatTensor(x) || !isFlatTensor(w)) {
      throw new ConvMathError('x and w must both be FlatTensors { data, shape } or both nested arrays');
    }
    requireFinite('x.data', x.data);
    requireFinite('w.data', w.data);
    return conv2dFlat(x, w, options);
  }
  if (!Array.isArray(x)) throw new ConvMathError(`x must be a nested array or a FlatTensor { data, shape }; found ${describeValue(x)}`);
  if (!Array.isArray(w)) throw new ConvMathError(`w must be a nested array or a FlatTensor { data, shape }; found ${describeValue(w)}`);
  const xs = fromNested(x as NestedArray, { name: 'x' });
  const ws = fromNested(w as NestedArray, { name: 'w' });
  if (xs.shape.length !== ws.shape.length || (xs.shape.length !== 2 && xs.shape.length !== 4)) {
    throw new ConvMathError(
      `x is ${xs.shape.length}-D and w is ${ws.shape.length}-D; both must be 2-D (one channel) or 4-D (x NCHW, w [Cout, Cin/groups, kH, kW])`,
    );
  }
  if (xs.shape.length === 2) {
    if ((options.groups ?? 1) !== 1) throw new ConvMathError(`groups must be 1 for 2-D (single-channel) input; found ${options.groups}`);
    const bias = typeof options.bias === 'number' ? [options.bias] : options.bias;
    const result = conv2dFlat(
      { data: xs.data, shape: [1, 1, ...xs.shape] },
      { data: ws.data, shape: [1, 1, ...ws.shape] },
      { ...options, bias },
    );
    return toNested({ data: result.data, shape: result.shape.slice(2) });
  }
  return toNested(conv2dFlat(xs, ws, options));
}

function conv2dFlat<T extends Float32Array | Float64Array>(x: FlatTensor<T>, w: FlatTensor, options: Conv2dOptions): FlatTensor<T> {
  const geometry = resolveConv2dGeometry(x.shape, w.shape, options);
  requireLength('x', x, geometry.batch * geometry.inChannels * geometry.height * geometry.width);
  requireLength('w', w, geometry.outChannels * (geometry.inChannels / geometry.groups) * geometry.kernelHeight * geometry.kernelWidth);
  let bias: ArrayLike<number> | undefined;
  if (options.bias !== undefined) {
    bias = typeof options.bias === 'number' ? [options.bias] : options.bias;
    if (typeof bias !== 'object' || bias === null || typeof bias.length !== 'number' || bias.length !== geometry.outChannels) {
      throw new ConvMathError(
        `bias must have one value per output channel (${geometry.outChannels}); found ${describeValue(options.bias)}`,
      );
    }
    requireFinite('bias', bias);
  }
  const shape = [geometry.batch, geometry.outChannels, geometry.outHeight, geometry.outWidth];
  const size = shape[0]! * shape[1]! * shape[2]! * shape[3]!;
  const out = new Float64Array(size);
  conv2dKernel(x.data, w.data, bias, geometry, options.flipKernel === true, out);
  const data = (x.data instanceof Float64Array ? out : Float32Array.from(out)) as T;
  return { data, shape };
}

function isFlatTensor(value: unknown): value is FlatTensor {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'data' in value &&
    'shape' in value &&
    (value.data instanceof Float32Array || value.data instanceof Float64Array) &&
    Array.isArray(value.shape)
  );
}

function requireLength(name: string, tensor: FlatTensor, expected: number): void {
  if (tensor.data.length !== expected) {
    throw new ConvMathError(`${name}.data has ${tensor.data.length} values; its shape [${tensor.shape.join(', ')}] needs ${expected}`);
  }
}

function requireFinite(name: string, data: ArrayLike<number>): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new ConvMathError(`${name}[${i}] is ${describeValue(v)}; expected a finite number`);
  }
}
