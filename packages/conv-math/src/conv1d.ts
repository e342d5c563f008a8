import { ConvMathError } from './conv-math-error';
import { conv2d } from './conv2d';
import type { FlatTensor, NestedArray } from './flat-tensor';
import { fromNested } from './from-nested';
import type { Padding1d } from './resolve-padding';
import { toNested } from './to-nested';
import { describeValue } from './_validate';

/** Options of {@link conv1d}. */
export interface Conv1dOptions {
  /** Zero padding: a number for both ends, [before, after], 'valid', 'same' or 'full'. Default 0. */
  padding?: Padding1d;
  /** Stride. Default 1. */
  stride?: number;
  /** Dilation. Default 1. */
  dilation?: number;
  /** Channel groups. Default 1. */
  groups?: number;
  /** One value per output channel (a number for single-channel input). */
  bias?: number | ArrayLike<number>;
  /** Flip the kernel: the mathematical convolution. Default false. */
  flipKernel?: boolean;
}

/**
 * 1-D convolution (cross-correlation): (x ⋆ w)_i = Σ_k x_{S·i + D·k} · w_k over the zero-padded input.
 * Takes `number[]` input and kernel (one channel), `number[][][]` [N, C, L] input with
 * [Cout, Cin/groups, K] weights, or {@link FlatTensor}s of those shapes; returns the same form.
 * It is {@link conv2d} with a height of 1, so its errors are the same.
 *
 * @example
 * conv1d([1, 2, 3, 4], [1, -1])               // [-1, -1, -1]
 * conv1d([1, 2, 3], [1, 1, 1], { padding: 1 }) // [3, 6, 5]
 */
export function conv1d(x: readonly number[], w: readonly number[], options?: Conv1dOptions): number[];
export function conv1d(
  x: readonly (readonly (readonly number[])[])[],
  w: readonly (readonly (readonly number[])[])[],
  options?: Conv1dOptions,
): number[][][];
export function conv1d<T extends Float32Array | Float64Array>(x: FlatTensor<T>, w: FlatTensor, options?: Conv1dOptions): FlatTensor<T>;
export function conv1d(x: unknown, w: unknown, options: Conv1dOptions = {}): unknown {
  const { padding, stride, dilation, ...rest } = options;
  const padding2d: [number, number, number, number] | 'valid' | 'same' | 'full' | undefined =
    padding === undefined || typeof padding === 'string'
      ? padding
      : typeof padding === 'number'
        ? [0, 0, padding, padding]
        : Array.isArray(padding) && padding.length === 2
          ? [0, 0, padding[0], padding[1]]
          : (() => {
              throw new ConvMathError(
                `padding must be a non-negative integer, [before, after], 'valid', 'same' or 'full'; found ${describeValue(padding)}`,
              );
            })();
  // 'same'/'full' along a height-1 axis with kernel height 1 add nothing, so they apply to the length alone.
  const geometry = {
    ...rest,
    padding: padding2d,
    stride: [1, stride ?? 1] as [number, number],
    dilation: [1, dilation ?? 1] as [number, number],
  };
  const isFlat = (v: unknown): v is FlatTensor => typeof v === 'object' && v !== null && !Array.isArray(v) && 'data' in v && 'shape' in v;
  if (isFlat(x) && isFlat(w)) {
    if (x.shape.length !== 3) throw new ConvMathError(`x must be 3-D [N, C, L]; found shape [${x.shape.join(', ')}]`);
    if (w.shape.length !== 3) throw new ConvMathError(`w must be 3-D [Cout, Cin/groups, K]; found shape [${w.shape.join(', ')}]`);
    const y = conv2d(
      { data: x.data, shape: [x.shape[0]!, x.shape[1]!, 1, x.shape[2]!] },
      { data: w.data, shape: [w.shape[0]!, w.shape[1]!, 1, w.shape[2]!] },
      geometry,
    );
    return { data: y.data, shape: [y.shape[0]!, y.shape[1]!, y.shape[3]!] };
  }
  if (!Array.isArray(x) || !Array.isArray(w)) {
    throw new ConvMathError('x and w must both be nested arrays or both FlatTensors { data, shape }');
  }
  const xs = fromNested(x as NestedArray, { name: 'x' });
  const ws = fromNested(w as NestedArray, { name: 'w' });
  if (xs.shape.length !== ws.shape.length || (xs.shape.length !== 1 && xs.shape.length !== 3)) {
    throw new ConvMathError(
      `x is ${xs.shape.length}-D and w is ${ws.shape.length}-D; both must be 1-D (one channel) or 3-D (x [N, C, L], w [Cout, Cin/groups, K])`,
    );
  }
  if (xs.shape.length === 1) {
    const y = conv2d([Array.from(xs.data)], [Array.from(ws.data)], geometry);
    return y[0];
  }
  const y = conv1d(xs as FlatTensor<Float64Array>, ws, options);
  return toNested(y);
}
