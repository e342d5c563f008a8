import { ConvMathError } from './conv-math-error';
import { layerCost } from './layer-cost';
import type { ActivationShape, Conv2dLayer, DenseLayer, LayerSpec, NetworkSpec } from './layer-spec';
import { summarizeNetwork } from './summarize-network';
import { formatShape, groupDigits } from './_format-number';
import { describeValue, requireInteger, requirePair } from './_validate';

/** The standard ways to cut a layer's parameters. */
export type ReductionTechnique =
  | 'fewer-filters'
  | 'smaller-kernel'
  | 'stride'
  | 'fewer-smaller-strided'
  | 'depthwise-separable'
  | 'bottleneck'
  | 'grouped'
  | 'shared-kernel'
  | 'fewer-units'
  | 'low-rank';

/** A layer's size and cost for one sample. */
export interface ReductionCost {
  params: number;
  outputShape: number[];
  macs: number;
}

/** One way to cut a layer's parameters, with exact numbers before and after. */
export interface Reduction {
  /** Name and index of the layer it changes. */
  layer: string;
  layerIndex: number;
  technique: ReductionTechnique;
  /** What the change is, e.g. "5 filters of 4×4, stride 2". */
  title: string;
  /** The layers that replace it (absent for shared-kernel, which no LayerSpec expresses). */
  replacement?: LayerSpec[];
  before: ReductionCost;
  after: ReductionCost;
  /** The whole network before and after; `error` names a later layer that no longer fits. */
  network: { paramsBefore: number; paramsAfter: number | null; macsBefore: number; macsAfter: number | null; error?: string };
  /** What it costs downstream and in quality, one or two sentences with the numbers. */
  downstream: string;
}

/** Options of {@link suggestReductions}; the defaults are the smallest useful step. */
export interface SuggestReductionsOptions {
  /** Which layer of a network (index or name). Default: every conv2d and dense layer. */
  layer?: number | string;
  /** Filters (or units) for 'fewer-filters' / 'fewer-units'. Default: one fewer. */
  filters?: number;
  /** Kernel for 'smaller-kernel'. Default: one smaller. */
  kernel?: number;
  /** Stride for 'stride'. Default 2. */
  stride?: number;
  /** Channels of the 1×1 bottleneck (offered from 8 input channels up), and rank of 'low-rank'. Default: a quarter, at least 1. */
  bottleneck?: number;
}

/**
 * Lists the standard ways to cut a conv or dense layer's parameters (fewer or smaller kernels, a
 * stride, depthwise-separable, a 1×1 bottleneck, grouped or shared kernels, low rank) with the exact
 * new parameter count, output shape and MACs, and what each does to the rest of the network.
 * Techniques that cannot apply (a bottleneck on one input channel) are left out.
 *
 * Takes a network (with `layer` to pick one), or a lone layer with its input: `{ input, layer }`.
 * Throws a {@link ConvMathError} for an unknown layer name or a layer that does not fit its input.
 *
 * @example
 * const seed = suggestReductions(lenet5, { layer: 'C1' }).find((r) => r.technique === 'fewer-smaller-strided')
 * seed.after // { params: 85, outputShape: [5, 15, 15], macs: 18000 }
 */
export function suggestReductions(
  target: NetworkSpec | { input: ActivationShape; layer: LayerSpec },
  options: SuggestReductionsOptions = {},
): Reduction[] {
  if (typeof target !== 'object' || target === null) {
    throw new ConvMathError(`suggestReductions expects a network or { input, layer }; found ${describeValue(target)}`);
  }
  const network: NetworkSpec = 'layers' in target ? target : { name: 'layer', input: target.input, layers: [target.layer] };
  const summary = summarizeNetwork(network);
  let indices: number[];
  if (options.layer === undefined) {
    indices = network.layers.flatMap((layer, i) => (layer.type === 'conv2d' || layer.type === 'dense' ? [i] : []));
  } else {
    const index = typeof options.layer === 'number' ? options.layer : network.layers.findIndex((layer) => layer.name === options.layer);
    const layer = network.layers[index];
    if (layer === undefined || !Number.isInteger(index)) {
      const names = summary.layers.map((row) => row.name).join(', ');
      throw new ConvMathError(`no layer ${JSON.stringify(options.layer)} in ${summary.name}; its layers are ${names}`);
    }
    if (layer.type !== 'conv2d' && layer.type !== 'dense') {
      throw new ConvMathError(`layer ${JSON.stringify(options.layer)} is ${layer.type}; suggestions are for conv2d and dense layers`);
    }
    indices = [index];
  }
  return indices.flatMap((index) => suggestForLayer(network, summary, index, options));
}

type Summary = ReturnType<typeof summarizeNetwork>;

function suggestForLayer(network: NetworkSpec, summary: Summary, index: number, options: SuggestReductionsOptions): Reduction[] {
  const layer = network.layers[index]!;
  const row = summary.layers[index]!;
  const input = row.inputShape as unknown as ActivationShape;
  const before: ReductionCost = { params: row.params, outputShape: row.outputShape, macs: row.macs };
  const out: Reduction[] = [];
  const add = (technique: ReductionTechnique, title: string, replacement: LayerSpec[], caveat: string) => {
    out.push(evaluate(network, summary, index, input, before, technique, title, replacement, caveat));
  };
  if (layer.type === 'conv2d') {
    const conv: Conv2dLayer = layer;
    const cin = input[0];
    const cout = conv.outChannels;
    const [kh, kw] = requirePair('kernel', conv.kernel, 1, 1);
    const kernelText = (h: number, w: number) => `${h}×${w}`;
    const fewer = requireInteger('filters', options.filters ?? cout - 1, 1);
    const smallerH = options.kernel ?? kh - 1;
    const smallerW = options.kernel ?? kw - 1;
    const stride = requireInteger('stride', options.stride ?? 2, 2);
    const base: Conv2dLayer = { ...conv };
    if (fewer < cout) {
      add(
        'fewer-filters',
        `${fewer} filters instead of ${cout}`,
        [{ ...base, outChannels: fewer }],
        'fewer features for later layers to combine.',
      );
    }
    if (smallerH >= 1 && smallerW >= 1 && (smallerH < kh || smallerW < kw)) {
      add(
        'smaller-kernel',
        `${kernelText(smallerH, smallerW)} kernels instead of ${kernelText(kh, kw)}`,
        [{ ...base, kernel: [smallerH, smallerW] }],
        'each unit sees a smaller patch (a smaller receptive field).',
      );
    }
    const [strideH, strideW] = requirePair('stride', conv.stride, 1, 1);
    const restrides = strideH !== stride || strideW !== stride;
    if (restrides)
      add(
        'stride',
        `stride ${stride}`,
        [{ ...base, stride }],
        'the layer itself keeps its parameters; it samples the image more coarsely and loses spatial detail.',
      );
    if (fewer < cout && smallerH >= 1 && smallerW >= 1 && (smallerH < kh || smallerW < kw) && restrides) {
      add(
        'fewer-smaller-strided',
        `${fewer} filters of ${kernelText(smallerH, smallerW)}, stride ${stride}`,
        [{ ...base, outChannels: fewer, kernel: [smallerH, smallerW], stride }],
        'combines the three: fewer features, smaller patches, coarser sampling.',
      );
    }
    if (kh * kw > 1 && (conv.groups ?? 1) === 1) {
      const { groups: _groups, ...rest } = conv;
      add(
        'depthwise-separable',
        `depthwise ${kernelText(kh, kw)} per channel, then 1×1 to ${cout} channels`,
        [{ ...rest, type: 'depthwiseSeparable' }],
        'channels mix only in the 1×1 step; usually a small accuracy cost (MobileNet).',
      );
    }
    const squeeze = options.bottleneck ?? Math.max(1, Math.floor(cin / 4));
    if (cin >= 8 && squeeze < cin && kh * kw > 1) {
      add(
        'bottleneck',
        `1×1 conv to ${squeeze} channel${squeeze === 1 ? '' : 's'}, then ${cout} filters of ${kernelText(kh, kw)}`,
        [
          { type: 'conv2d', name: `${row.name}-squeeze`, outChannels: squeeze, kernel: 1 },
          { ...base, name: row.name },
        ],
        'the squeeze can drop information if too narrow (ResNet, Inception).',
      );
    }
    if ((conv.groups ?? 1) === 1 && cin % 2 === 0 && cout % 2 === 0) {
      add(
        'grouped',
        `2 channel groups (each filter sees ${cin / 2} of ${cin} channels)`,
        [{ ...base, groups: 2 }],
        "filters see only their group's channels, like LeNet's sparse C3 table.",
      );
    }
    if (cin > 1) {
      // One kH×kW kernel per filter applied to every input channel: equivalent to summing the
      // channels first, so the output shape and everything downstream stay the same.
      const bias = conv.bias === false ? 0 : 1;
      const params = cout * (kh * kw + bias);
      const macs = (row.outputShape[0]! * row.outputShape[1]! * row.outputShape[2]! * kh * kw) as number;
      out.push({
        layer: row.name,
        layerIndex: index,
        technique: 'shared-kernel',
        title: `each filter shares one ${kernelText(kh, kw)} kernel across its ${cin} input channels`,
        before,
        after: { params, outputShape: row.outputShape, macs },
        network: {
          paramsBefore: summary.totals.params,
          paramsAfter: summary.totals.params - row.params + params,
          macsBefore: summary.totals.macs,
          macsAfter: summary.totals.macs - row.macs + macs,
        },
        downstream: `Output shape unchanged (${formatShape(row.outputShape)}), so later layers cost the same; a filter can no longer tell its input channels apart.`,
      });
    }
  } else if (layer.type === 'dense') {
    const dense: DenseLayer = layer;
    const units = dense.outFeatures;
    const inFeatures = input[0];
    const fewer = requireInteger('filters', options.filters ?? units - 1, 1);
    if (fewer < units) {
      add('fewer-units', `${fewer} units instead of ${units}`, [{ ...dense, outFeatures: fewer }], 'less capacity in this layer.');
    }
    const rank = options.bottleneck ?? Math.max(1, Math.floor(Math.min(inFeatures, units) / 4));
    if (rank * (inFeatures + units) < inFeatures * units) {
      add(
        'low-rank',
        `factor into ${inFeatures}→${rank}→${units} (rank ${rank})`,
        [
          { type: 'dense', name: `${row.name}-rank${rank}`, outFeatures: rank, bias: false },
          { ...dense, name: row.name },
        ],
        `the weight matrix is limited to rank ${rank}.`,
      );
    }
  }
  return out;
}

function evaluate(
  network: NetworkSpec,
  summary: Summary,
  index: number,
  input: ActivationShape,
  before: ReductionCost,
  technique: ReductionTechnique,
  title: string,
  replacement: LayerSpec[],
  caveat: string,
): Reduction {
  let shape: ActivationShape = input;
  let params = 0;
  let macs = 0;
  for (const layer of replacement) {
    const cost = layerCost(layer, shape);
    params += cost.params;
    macs += cost.macs;
    shape = cost.outputShape as unknown as ActivationShape;
  }
  const after: ReductionCost = { params, outputShape: [...shape], macs };
  const layers = [...network.layers.slice(0, index), ...replacement, ...network.layers.slice(index + 1)];
  const name = summary.layers[index]!.name;
  const result: Reduction = {
    layer: name,
    layerIndex: index,
    technique,
    title,
    replacement,
    before,
    after,
    network: { paramsBefore: summary.totals.params, paramsAfter: null, macsBefore: summary.totals.macs, macsAfter: null },
    downstream: '',
  };
  const sameShape = formatShape(before.outputShape) === formatShape(after.outputShape);
  let changed: string;
  try {
    const next = summarizeNetwork({ ...network, layers });
    result.network.paramsAfter = next.totals.params;
    result.network.macsAfter = next.totals.macs;
    const restBefore = summary.totals.params - before.params;
    const restAfter = next.totals.params - params;
    const restMacsBefore = summary.totals.macs - before.macs;
    const restMacsAfter = next.totals.macs - macs;
    const later = index === network.layers.length - 1;
    changed = later
      ? `It is the last layer: output ${formatShape(after.outputShape)}.`
      : restBefore === restAfter && restMacsBefore === restMacsAfter
        ? sameShape
          ? `Output shape unchanged (${formatShape(after.outputShape)}), so later layers cost the same.`
          : `Output ${formatShape(before.outputShape)} → ${formatShape(after.outputShape)}, but later layers cost the same (${groupDigits(
              restBefore,
            )} params, ${groupDigits(restMacsBefore)} MACs).`
        : `Output ${formatShape(before.outputShape)} → ${formatShape(after.outputShape)}: later layers go from ${groupDigits(restBefore)} to ${groupDigits(
            restAfter,
          )} params and ${groupDigits(restMacsBefore)} to ${groupDigits(restMacsAfter)} MACs (network ${groupDigits(
            summary.totals.params,
          )} → ${groupDigits(next.totals.params)} params).`;
  } catch (error) {
    if (!(error instanceof ConvMathError)) throw error;
    result.network.error = error.message;
    changed = `Output ${formatShape(before.outputShape)} → ${formatShape(after.outputShape)} breaks a later layer: ${error.message}.`;
  }
  result.downstream = `${changed} Cost: ${caveat}`;
  return result;
}
