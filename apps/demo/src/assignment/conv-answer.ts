import {
  type Conv2dExplanation,
  type Conv2dLayer,
  type LayerSummary,
  type NetworkSummary,
  type OutputSizeExplanation,
  type ParamCountExplanation,
  type Reduction,
  explainConv2d,
  explainOutputSize,
  explainParamCount,
  formatNetworkSummary,
  lenet5,
  suggestReductions,
  summarizeNetwork,
} from '@dlkit/conv-math';

/** The seed's Q1, answered by @dlkit/conv-math at run time. */
export interface ConvAnswer {
  /** The worked convolution of the seed's x and w (padding 1, stride 2). */
  worked: Conv2dExplanation;
  /** The size formula with the seed example's numbers. */
  sizeFormula: OutputSizeExplanation;
  /** The formula at work: the seed example, LeNet's first layer, and a stride that does not divide evenly. */
  sizeExamples: OutputSizeExplanation[];
  /** LeNet-5's first layer: its summary row, the size and parameter derivations. */
  lenetFirst: { layer: LayerSummary; size: OutputSizeExplanation; params: ParamCountExplanation };
  lenet: NetworkSummary;
  lenetText: string;
  /** Ways to cut the first layer's parameters, with exact counts. */
  reductions: Reduction[];
}

/** The seed's example input and kernel. */
export const seedX = [
  [1, 2, 3, 4],
  [5, 6, 7, 8],
  [9, 10, 11, 12],
  [13, 14, 15, 16],
];
export const seedW = [
  [4, 2],
  [5, 1],
];

/** The answer the assignment's key prints for the seed's example: quoted, to check it against. */
export const seedAnswerKey = [
  [1, 15, 20],
  [19, 99, 92],
  [26, 86, 64],
];

/** Computes every number of Q1 with conv-math. */
export function convAnswer(): ConvAnswer {
  const worked = explainConv2d(seedX, seedW, { padding: 1, stride: 2 });
  const sizeFormula = explainOutputSize({ input: seedX.length, kernel: seedW.length, padding: 1, stride: 2 });
  const lenet = summarizeNetwork(lenet5);
  const layer = lenet.layers[0]!;
  const spec = lenet5.layers[0] as Conv2dLayer;
  const kernel = spec.kernel as number;
  return {
    worked,
    sizeFormula,
    sizeExamples: [
      sizeFormula,
      explainOutputSize({ input: 32, kernel: 5 }),
      explainOutputSize({ input: 28, kernel: 3, padding: 1, stride: 2 }),
    ],
    lenetFirst: {
      layer,
      size: explainOutputSize({ input: layer.inputShape[1]!, kernel, padding: 0, stride: 1 }),
      params: explainParamCount({ inChannels: layer.inputShape[0]!, outChannels: spec.outChannels, kernel }),
    },
    lenet,
    lenetText: formatNetworkSummary(lenet, 'text'),
    reductions: suggestReductions(lenet5, { layer: 0 }),
  };
}
