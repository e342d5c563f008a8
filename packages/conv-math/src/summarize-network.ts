import { ConvMathError } from './conv-math-error';
import { type LayerCost, layerCost } from './layer-cost';
import type { ActivationShape, LayerSpec, NetworkSpec } from './layer-spec';
import { describeValue, requireInteger } from './_validate';

/** One row of a {@link NetworkSummary}: a layer's cost for the whole batch. */
export interface LayerSummary extends LayerCost {
  /** Position in the network, from 0. */
  index: number;
  /** The layer's name, or `<type>-<index>`. */
  name: string;
  type: LayerSpec['type'];
  /** One sample's input shape. */
  inputShape: number[];
  /** Bytes of this layer's outputs for the batch. */
  activationBytes: number;
}

/** A network's per-layer shapes and costs with totals, like torchinfo's or Keras's `summary()`. */
export interface NetworkSummary {
  name: string;
  /** One sample's input shape. */
  input: number[];
  /** One sample's output shape. */
  outputShape: number[];
  batch: number;
  bytesPerValue: number;
  layers: LayerSummary[];
  totals: {
    params: number;
    buffers: number;
    /** For the batch. */
    macs: number;
    /** For the batch. */
    flops: number;
    /** Output values of every layer, for the batch. */
    activations: number;
    /** Bytes of every layer's outputs (what a training step keeps for the backward pass). */
    activationBytes: number;
    /** Bytes of the input batch. */
    inputBytes: number;
    /** Bytes of the parameters and buffers. */
    paramBytes: number;
  };
}

/** Options of {@link summarizeNetwork}. */
export interface SummarizeOptions {
  /** Samples per batch; MACs, FLOPs and activations scale with it. Default 1. */
  batch?: number;
  /** Bytes per stored value: 4 for float32, 2 for float16. Default 4. */
  bytesPerValue?: number;
}

/**
 * Runs shape inference through a network and counts every layer: output shape, parameters, MACs,
 * FLOPs and activation memory, with totals. Format it with {@link formatNetworkSummary}.
 * Throws a {@link ConvMathError} naming the first layer that does not fit its input.
 *
 * @example
 * const summary = summarizeNetwork(lenet5)
 * summary.layers[0].outputShape // [6, 28, 28]
 * summary.layers[0].params      // 156
 * summary.totals.params         // 61706
 */
export function summarizeNetwork(network: NetworkSpec, options: SummarizeOptions = {}): NetworkSummary {
  if (typeof network !== 'object' || network === null || !Array.isArray(network.layers)) {
    throw new ConvMathError(`a network must be an object { input: [C, H, W], layers: [...] }; found ${describeValue(network)}`);
  }
  const batch = requireInteger('batch', options.batch ?? 1, 1);
  const bytesPerValue = requireInteger('bytesPerValue', options.bytesPerValue ?? 4, 1);
  const input = checkInput(network.input);
  let shape: ActivationShape = input;
  const layers: LayerSummary[] = network.layers.map((layer, index) => {
    const name = layer?.name ?? `${layer?.type}-${index}`;
    let cost: LayerCost;
    try {
      cost = layerCost(layer, shape);
    } catch (error) {
      if (error instanceof ConvMathError) {
        throw new ConvMathError(`layer ${index} (${name}, input [${shape.join(', ')}]): ${error.message}`);
      }
      throw error;
    }
    const row: LayerSummary = {
      index,
      name,
      type: layer.type,
      inputShape: [...shape],
      outputShape: cost.outputShape,
      params: cost.params,
      buffers: cost.buffers,
      macs: cost.macs * batch,
      flops: cost.flops * batch,
      activations: cost.activations * batch,
      activationBytes: cost.activations * batch * bytesPerValue,
    };
    shape = cost.outputShape as unknown as ActivationShape;
    return row;
  });
  const sum = (key: keyof LayerCost | 'activationBytes') => layers.reduce((total, row) => total + (row[key] as number), 0);
  const params = sum('params');
  const buffers = sum('buffers');
  return {
    name: network.name ?? 'network',
    input: [...input],
    outputShape: [...shape],
    batch,
    bytesPerValue,
    layers,
    totals: {
      params,
      buffers,
      macs: sum('macs'),
      flops: sum('flops'),
      activations: sum('activations'),
      activationBytes: sum('activationBytes'),
      inputBytes: input.reduce((a, b) => a * b, 1) * batch * bytesPerValue,
      paramBytes: (params + buffers) * bytesPerValue,
    },
  };
}

function checkInput(input: unknown): ActivationShape {
  if (!Array.isArray(input) || (input.length !== 3 && input.length !== 1)) {
    throw new ConvMathError(`network input must be [channels, height, width] or [features]; found ${describeValue(input)}`);
  }
  input.forEach((v, i) => {
    requireInteger(`network input[${i}]`, v, 1);
  });
  return input as unknown as ActivationShape;
}
