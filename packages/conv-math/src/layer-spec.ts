import type { Padding2d } from './resolve-padding';

/** An element-wise non-linearity after a layer; counted as one FLOP per output value ('linear': none). */
export type ActivationName = 'linear' | 'relu' | 'leakyRelu' | 'tanh' | 'sigmoid' | 'softmax';

/** Shape of one sample's activations: [channels, height, width] for images, [features] after flatten. */
export type ActivationShape = readonly [channels: number, height: number, width: number] | readonly [features: number];

/** Geometry shared by convolution and pooling layers. */
interface WindowLayer {
  /** Name shown in summaries (e.g. 'C1'). Default: type and index. */
  name?: string;
  /** Kernel: a number for square, or [kH, kW]. */
  kernel: number | readonly [number, number];
  /** Stride, a number or [height, width]. Default 1 (pooling: the kernel). */
  stride?: number | readonly [number, number];
  /** Padding as {@link conv2d} takes it. Default 0. */
  padding?: Padding2d;
  /** Dilation, a number or [height, width]. Default 1. */
  dilation?: number | readonly [number, number];
}

/** A 2-D convolution; its input channels come from the previous layer. */
export interface Conv2dLayer extends WindowLayer {
  type: 'conv2d';
  /** Number of filters. */
  outChannels: number;
  /** Channel groups. Default 1. */
  groups?: number;
  /** Default true. */
  bias?: boolean;
  activation?: ActivationName;
}

/** A depthwise kH×kW conv per channel (stride and padding apply here) followed by a 1×1 conv. */
export interface DepthwiseSeparableLayer extends WindowLayer {
  type: 'depthwiseSeparable';
  /** Channels out of the 1×1 conv. */
  outChannels: number;
  /** Filters per input channel in the depthwise step. Default 1. */
  depthMultiplier?: number;
  /** Bias in both steps. Default true. */
  bias?: boolean;
  activation?: ActivationName;
}

/** Max or average pooling: no parameters. */
export interface PoolLayer extends WindowLayer {
  type: 'maxPool' | 'avgPool';
  /** Round output sizes up (PyTorch's ceil_mode). Default false. */
  ceilMode?: boolean;
}

/** Batch normalization over channels (or features after flatten). */
export interface BatchNormLayer {
  type: 'batchNorm';
  name?: string;
}

/** Flattens [C, H, W] to [C·H·W] (row-major, as PyTorch's flatten of NCHW). */
export interface FlattenLayer {
  type: 'flatten';
  name?: string;
}

/** A fully connected layer on a flat input. */
export interface DenseLayer {
  type: 'dense';
  name?: string;
  /** Output features (units). */
  outFeatures: number;
  /** Default true. */
  bias?: boolean;
  activation?: ActivationName;
}

/** Any layer a {@link NetworkSpec} can hold. */
export type LayerSpec = Conv2dLayer | DepthwiseSeparableLayer | PoolLayer | BatchNormLayer | FlattenLayer | DenseLayer;

/** A feed-forward network: one sample's input shape and its layers in order. */
export interface NetworkSpec {
  name?: string;
  /** One sample's input: [channels, height, width] (or [features]). */
  input: ActivationShape;
  layers: readonly LayerSpec[];
}
