import { convParams } from './conv-params';
import { requireInteger } from './_validate';

/** A depthwise-separable convolution: a per-channel kH×kW conv, then a 1×1 conv that mixes channels. */
export interface DepthwiseSeparableParamsOptions {
  /** Input channels Cin. */
  inChannels: number;
  /** Output channels of the 1×1 (pointwise) conv. */
  outChannels: number;
  /** Kernel of the depthwise conv: a number or [kH, kW]. */
  kernel: number | readonly [number, number];
  /** Filters per input channel in the depthwise step (M). Default 1. */
  depthMultiplier?: number;
  /** Bias in both steps. Default true. */
  bias?: boolean;
}

/**
 * Parameters of a depthwise-separable convolution (MobileNet, Xception):
 * depthwise Cin·M·(kH·kW + 1) plus pointwise Cout·(Cin·M + 1), the + 1 terms dropped without bias.
 *
 * @example
 * depthwiseSeparableParams({ inChannels: 1, outChannels: 6, kernel: 5 })   // 26 + 12 = 38
 * depthwiseSeparableParams({ inChannels: 64, outChannels: 128, kernel: 3 }) // 640 + 8320 = 8960
 */
export function depthwiseSeparableParams(options: DepthwiseSeparableParamsOptions): number {
  const inChannels = requireInteger('inChannels', options.inChannels, 1);
  const multiplier = requireInteger('depthMultiplier', options.depthMultiplier ?? 1, 1);
  const depthwise = convParams({
    inChannels,
    outChannels: inChannels * multiplier,
    kernel: options.kernel,
    groups: inChannels,
    bias: options.bias,
  });
  const pointwise = convParams({ inChannels: inChannels * multiplier, outChannels: options.outChannels, kernel: 1, bias: options.bias });
  return depthwise + pointwise;
}
