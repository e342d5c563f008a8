export { ConvMathError } from './conv-math-error';
export type { FlatTensor, NestedArray } from './flat-tensor';
export { fromNested } from './from-nested';
export { toNested } from './to-nested';
export { type Padding1d, type Padding2d, resolvePadding } from './resolve-padding';
export { type ConvOutputSizeOptions, type SizeMode, convOutputSize } from './conv-output-size';
export { type TransposedConvOutputSizeOptions, transposedConvOutputSize } from './transposed-conv-output-size';
export { type PoolOutputSizeOptions, poolOutputSize } from './pool-output-size';
export { type ReceptiveFieldLayer, type ReceptiveFieldResult, type ReceptiveFieldStep, receptiveField } from './receptive-field';
export { type Conv2dGeometryOptions, conv2dOutputShape } from './conv2d-output-shape';
export { type Conv2dOptions, conv2d } from './conv2d';
export { type Conv1dOptions, conv1d } from './conv1d';
export { nchwToNhwc } from './nchw-to-nhwc';
export { nhwcToNchw } from './nhwc-to-nchw';
export { hwioToOihw } from './hwio-to-oihw';
export { oihwToHwio } from './oihw-to-hwio';
export { type ConvParamsOptions, convParams } from './conv-params';
export { type DepthwiseSeparableParamsOptions, depthwiseSeparableParams } from './depthwise-separable-params';
export { type DenseParamsOptions, denseParams } from './dense-params';
export { batchNormParams } from './batch-norm-params';
export type {
  ActivationName,
  ActivationShape,
  BatchNormLayer,
  Conv2dLayer,
  DenseLayer,
  DepthwiseSeparableLayer,
  FlattenLayer,
  LayerSpec,
  NetworkSpec,
  PoolLayer,
} from './layer-spec';
export { type LayerCost, layerCost } from './layer-cost';
export { type LayerSummary, type NetworkSummary, type SummarizeOptions, summarizeNetwork } from './summarize-network';
export { type SummaryFormat, formatNetworkSummary } from './format-network-summary';
export { lenet5 } from './presets/lenet5';
export { lenet5Reduced } from './presets/lenet5-reduced';
export { networkPresets } from './network-presets';
export {
  type Reduction,
  type ReductionCost,
  type ReductionTechnique,
  type SuggestReductionsOptions,
  suggestReductions,
} from './suggest-reductions';
export type { Explanation } from './explanation';
export { type Conv2dExplanation, explainConv2d } from './explain-conv2d';
export { type OutputSizeExplanation, explainOutputSize } from './explain-output-size';
export { type ParamCountExplanation, type ParamCountLayer, explainParamCount } from './explain-param-count';
