import { ConvMathError } from './conv-math-error';
import { resolveOutputSize } from './conv-output-size';
import { type Padding2d, resolvePadding2d } from './resolve-padding';
import { requireInteger, requirePair } from './_validate';

/** The geometry of a 2-D convolution: everything except the data. */
export interface Conv2dGeometryOptions {
  /** Zero padding: a number, [height, width], [top, bottom, left, right], 'valid', 'same' or 'full'. Default 0. */
  padding?: Padding2d;
  /** Stride, one number or [height, width]. Default 1. */
  stride?: number | readonly [number, number];
  /** Dilation, one number or [height, width]. Default 1. */
  dilation?: number | readonly [number, number];
  /** Channel groups: input and output channels split into this many independent convolutions. Default 1. */
  groups?: number;
}

/** Resolved numbers of one conv2d call. Internal. */
export interface Conv2dGeometry {
  batch: number;
  inChannels: number;
  height: number;
  width: number;
  outChannels: number;
  kernelHeight: number;
  kernelWidth: number;
  groups: number;
  stride: [number, number];
  dilation: [number, number];
  /** [top, bottom, left, right] */
  padding: [number, number, number, number];
  outHeight: number;
  outWidth: number;
}

/**
 * Output shape [N, Cout, Hout, Wout] of a 2-D convolution of an NCHW input with weights
 * [Cout, Cin/groups, kH, kW], checking every shape and option the way {@link conv2d} does.
 *
 * @example
 * conv2dOutputShape([1, 1, 32, 32], [6, 1, 5, 5])               // [1, 6, 28, 28]
 * conv2dOutputShape([1, 1, 32, 32], [5, 1, 4, 4], { stride: 2 }) // [1, 5, 15, 15]
 */
export function conv2dOutputShape(
  inputShape: readonly number[],
  weightShape: readonly number[],
  options: Conv2dGeometryOptions = {},
): [batch: number, outChannels: number, outHeight: number, outWidth: number] {
  const g = resolveConv2dGeometry(inputShape, weightShape, options);
  return [g.batch, g.outChannels, g.outHeight, g.outWidth];
}

export function resolveConv2dGeometry(
  inputShape: readonly number[],
  weightShape: readonly number[],
  options: Conv2dGeometryOptions,
): Conv2dGeometry {
  if (inputShape.length !== 4) {
    throw new ConvMathError(`x must be 4-D [N, C, H, W] (NCHW); found shape [${inputShape.join(', ')}]`);
  }
  if (weightShape.length !== 4) {
    throw new ConvMathError(`w must be 4-D [Cout, Cin/groups, kH, kW]; found shape [${weightShape.join(', ')}]`);
  }
  const [batch, inChannels, height, width] = inputShape.map((v, i) => requireInteger(`x shape[${i}]`, v, 1)) as [
    number,
    number,
    number,
    number,
  ];
  const [outChannels, groupChannels, kernelHeight, kernelWidth] = weightShape.map((v, i) => requireInteger(`w shape[${i}]`, v, 1)) as [
    number,
    number,
    number,
    number,
  ];
  const groups = requireInteger('groups', options.groups ?? 1, 1);
  if (inChannels % groups !== 0) {
    throw new ConvMathError(`groups = ${groups} must divide the input channels; found Cin = ${inChannels}`);
  }
  if (outChannels % groups !== 0) {
    throw new ConvMathError(`groups = ${groups} must divide the output channels; found Cout = ${outChannels}`);
  }
  if (groupChannels !== inChannels / groups) {
    throw new ConvMathError(
      `w has ${groupChannels} input channels (shape[1]); expected Cin/groups = ${inChannels}/${groups} = ${inChannels / groups}`,
    );
  }
  const stride = requirePair('stride', options.stride, 1, 1);
  const dilation = requirePair('dilation', options.dilation, 1, 1);
  const padding = resolvePadding2d(options.padding, [height, width], [kernelHeight, kernelWidth], stride, dilation);
  const axis = (name: string, input: number, kernel: number, i: 0 | 1) => {
    try {
      return resolveOutputSize({
        input,
        kernel,
        stride: stride[i],
        dilation: dilation[i],
        padding: [padding[2 * i]!, padding[2 * i + 1]!],
      }).output;
    } catch (error) {
      if (error instanceof ConvMathError) throw new ConvMathError(`${name}: ${error.message}`);
      throw error;
    }
  };
  return {
    batch,
    inChannels,
    height,
    width,
    outChannels,
    kernelHeight,
    kernelWidth,
    groups,
    stride,
    dilation,
    padding,
    outHeight: axis('height', height, kernelHeight, 0),
    outWidth: axis('width', width, kernelWidth, 1),
  };
}
