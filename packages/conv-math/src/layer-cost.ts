import { ConvMathError } from './conv-math-error';
import { resolveConv2dGeometry } from './conv2d-output-shape';
import { convParams } from './conv-params';
import { denseParams } from './dense-params';
import type { ActivationShape, LayerSpec } from './layer-spec';
import { requireInteger, requirePair } from './_validate';

/** What one layer costs for one sample. */
export interface LayerCost {
  /** One sample's output: [C, H, W] or [features]. */
  outputShape: number[];
  /** Learnable parameters. */
  params: number;
  /** Non-learnable state (batch-norm running mean and variance). */
  buffers: number;
  /** Multiply-accumulates per sample. */
  macs: number;
  /** Floating-point operations per sample (see {@link layerCost} for the conventions). */
  flops: number;
  /** Output values per sample (multiply by bytes per value for activation memory). */
  activations: number;
}

/**
 * Output shape, parameters, MACs, FLOPs and activation count of one layer for one sample.
 *
 * Conventions: conv and dense cost Cout·Hout·Wout·(Cin/groups)·kH·kW (resp. out·in) MACs and
 * 2 FLOPs per MAC (a multiply and an add; exact with bias); an activation adds 1 FLOP per output;
 * pooling costs kH·kW FLOPs per output and no MACs; batch norm 1 MAC (2 FLOPs) per value.
 * Throws a {@link ConvMathError} for a layer that does not fit its input (a kernel larger than the
 * padded input, a dense layer on an unflattened image, groups that do not divide the channels).
 *
 * @example
 * layerCost({ type: 'conv2d', outChannels: 6, kernel: 5 }, [1, 32, 32])
 * // { outputShape: [6, 28, 28], params: 156, buffers: 0, macs: 117600, flops: 235200, activations: 4704 }
 */
export function layerCost(layer: LayerSpec, input: ActivationShape): LayerCost {
  if (typeof layer !== 'object' || layer === null) throw new ConvMathError('a layer must be an object with a "type"');
  const image = input.length === 3;
  const needImage = () => {
    if (!image) {
      throw new ConvMathError(`${layer.type} needs an image input [C, H, W]; found [${input.join(', ')}]`);
    }
    return input as readonly [number, number, number];
  };
  const activationFlops = (activation: string | undefined, outputs: number) =>
    activation === undefined || activation === 'linear' ? 0 : outputs;
  switch (layer.type) {
    case 'conv2d': {
      const [c, h, w] = needImage();
      const [kh, kw] = requirePair('kernel', layer.kernel, 1, 1);
      const groups = requireInteger('groups', layer.groups ?? 1, 1);
      const outChannels = requireInteger('outChannels', layer.outChannels, 1);
      if (c % groups !== 0) throw new ConvMathError(`groups = ${groups} must divide the input channels; found Cin = ${c}`);
      const g = resolveConv2dGeometry([1, c, h, w], [outChannels, c / groups, kh, kw], layer);
      const outputs = outChannels * g.outHeight * g.outWidth;
      const macs = outputs * (c / groups) * kh * kw;
      return {
        outputShape: [outChannels, g.outHeight, g.outWidth],
        params: convParams({ inChannels: c, outChannels, kernel: [kh, kw], groups, bias: layer.bias }),
        buffers: 0,
        macs,
        flops: 2 * macs + activationFlops(layer.activation, outputs),
        activations: outputs,
      };
    }
    case 'depthwiseSeparable': {
      const [c, h, w] = needImage();
      const [kh, kw] = requirePair('kernel', layer.kernel, 1, 1);
      const m = requireInteger('depthMultiplier', layer.depthMultiplier ?? 1, 1);
      const outChannels = requireInteger('outChannels', layer.outChannels, 1);
      const g = resolveConv2dGeometry([1, c, h, w], [c * m, 1, kh, kw], { ...layer, groups: c });
      const plane = g.outHeight * g.outWidth;
      const macs = c * m * plane * kh * kw + outChannels * plane * c * m;
      const outputs = outChannels * plane;
      return {
        outputShape: [outChannels, g.outHeight, g.outWidth],
        params:
          convParams({ inChannels: c, outChannels: c * m, kernel: [kh, kw], groups: c, bias: layer.bias }) +
          convParams({ inChannels: c * m, outChannels, kernel: 1, bias: layer.bias }),
        buffers: 0,
        macs,
        flops: 2 * macs + activationFlops(layer.activation, outputs),
        activations: outputs,
      };
    }
    case 'maxPool':
    case 'avgPool': {
      const [c, h, w] = needImage();
      const [kh, kw] = requirePair('kernel', layer.kernel, 1, 1);
      const g = resolveConv2dGeometry([1, c, h, w], [c, 1, kh, kw], {
        ...layer,
        stride: layer.stride ?? [kh, kw],
        groups: c,
      });
      let outHeight = g.outHeight;
      let outWidth = g.outWidth;
      if (layer.ceilMode) {
        // Recompute with ceil rounding (the geometry above rounds down).
        const ceilSize = (input: number, k: number, s: number, d: number, before: number, after: number) => {
          let o = Math.ceil((input + before + after - d * (k - 1) - 1) / s) + 1;
          if ((o - 1) * s >= input + before) o -= 1;
          return o;
        };
        outHeight = ceilSize(h, kh, g.stride[0], g.dilation[0], g.padding[0], g.padding[1]);
        outWidth = ceilSize(w, kw, g.stride[1], g.dilation[1], g.padding[2], g.padding[3]);
      }
      const outputs = c * outHeight * outWidth;
      return { outputShape: [c, outHeight, outWidth], params: 0, buffers: 0, macs: 0, flops: outputs * kh * kw, activations: outputs };
    }
    case 'batchNorm': {
      const channels = input[0];
      const values = input.reduce((a, b) => a * b, 1);
      return { outputShape: [...input], params: 2 * channels, buffers: 2 * channels, macs: values, flops: 2 * values, activations: values };
    }
    case 'flatten': {
      const values = input.reduce((a, b) => a * b, 1);
      return { outputShape: [values], params: 0, buffers: 0, macs: 0, flops: 0, activations: values };
    }
    case 'dense': {
      if (input.length !== 1) {
        throw new ConvMathError(`dense needs a flat input [features]; found [${input.join(', ')}] (add a flatten layer before it)`);
      }
      const outFeatures = requireInteger('outFeatures', layer.outFeatures, 1);
      const macs = input[0] * outFeatures;
      return {
        outputShape: [outFeatures],
        params: denseParams({ inFeatures: input[0], outFeatures, bias: layer.bias }),
        buffers: 0,
        macs,
        flops: 2 * macs + activationFlops(layer.activation, outFeatures),
        activations: outFeatures,
      };
    }
    default:
      throw new ConvMathError(
        `unknown layer type ${JSON.stringify((layer as { type: unknown }).type)}; expected conv2d, depthwiseSeparable, maxPool, avgPool, batchNorm, flatten or dense`,
      );
  }
}
