import { ConvMathError } from './conv-math-error';
import { requireInteger, requirePair } from './_validate';

/** A convolution layer's channels and kernel, for counting. */
export interface ConvParamsOptions {
  /** Input channels Cin. */
  inChannels: number;
  /** Output channels (filters) Cout. */
  outChannels: number;
  /** Kernel size: one number for square, or [kH, kW]. */
  kernel: number | readonly [number, number];
  /** Channel groups; each filter sees Cin/groups channels. Default 1. */
  groups?: number;
  /** One bias per filter. Default true. */
  bias?: boolean;
}

/**
 * Learnable parameters of a 2-D convolution: Cout · (Cin/groups · kH · kW + 1), without the + 1
 * when `bias` is false. Throws a {@link ConvMathError} if `groups` does not divide both channel counts.
 *
 * @example
 * convParams({ inChannels: 1, outChannels: 6, kernel: 5 })            // 156 (LeNet's C1)
 * convParams({ inChannels: 1, outChannels: 5, kernel: 4 })            // 85 (the seed's reduction)
 * convParams({ inChannels: 32, outChannels: 32, kernel: 3, groups: 32 }) // 320 (depthwise)
 */
export function convParams(options: ConvParamsOptions): number {
  const inChannels = requireInteger('inChannels', options.inChannels, 1);
  const outChannels = requireInteger('outChannels', options.outChannels, 1);
  const [kh, kw] = requirePair('kernel', options.kernel, 1, 1);
  const groups = requireInteger('groups', options.groups ?? 1, 1);
  if (inChannels % groups !== 0 || outChannels % groups !== 0) {
    throw new ConvMathError(`groups = ${groups} must divide both channel counts; found Cin = ${inChannels}, Cout = ${outChannels}`);
  }
  return outChannels * ((inChannels / groups) * kh * kw + (options.bias === false ? 0 : 1));
}
