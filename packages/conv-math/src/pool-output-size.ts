import { resolveOutputSize } from './conv-output-size';
import type { Padding1d } from './resolve-padding';
import { requireInteger } from './_validate';

/** One axis of a pooling window. */
export interface PoolOutputSizeOptions {
  /** Input length L. */
  input: number;
  /** Window length F. */
  kernel: number;
  /** Stride S. Default: the window length, as pooling layers default to. */
  stride?: number;
  /** Padding P. Default 0. */
  padding?: Padding1d;
  /** Dilation D. Default 1. */
  dilation?: number;
  /** Round up, as PyTorch's `ceil_mode=True` does. Default false. */
  ceilMode?: boolean;
}

/**
 * Output length of a pooling layer along one axis: the convolution formula with the stride
 * defaulting to the window, rounded down, or up with `ceilMode` (dropping a last window that would
 * start in the right padding, as PyTorch does).
 *
 * @example
 * poolOutputSize({ input: 28, kernel: 2 })                 // 14
 * poolOutputSize({ input: 15, kernel: 2 })                 // 7
 * poolOutputSize({ input: 15, kernel: 2, ceilMode: true }) // 8
 */
export function poolOutputSize(options: PoolOutputSizeOptions): number {
  const kernel = requireInteger('pooling window F', options.kernel, 1);
  return resolveOutputSize({
    input: options.input,
    kernel,
    stride: options.stride ?? kernel,
    padding: options.padding,
    dilation: options.dilation,
    mode: options.ceilMode ? 'ceil' : 'floor',
  }).output;
}
