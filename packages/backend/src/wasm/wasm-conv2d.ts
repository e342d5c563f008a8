import * as tf from '@tensorflow/tfjs-core';
import { BackendError } from '../backend-error';
import type { GemmActivation } from './wasm-gemm';
import { wasmGemmFor } from './wasm-gemm-for';

// Convolutions on dlkit's GEMM, products with the patch matrix read where the patches lie in the zero-padded
// input, a block of output pixels (or a group of images) at a time (see gen-gemm-wat.mjs).
// tfjs-backend-wasm's Conv2D is XNNPACK's (~64 % of a DCGAN step), its Conv2DBackpropInput a scalar loop,
// and it has no Conv2DBackpropFilter at all. NHWC only; other layouts, dilated columns and non-float32
// inputs go to tfjs's kernels.

const epilogueActivations: Record<string, GemmActivation | undefined> = { linear: 'linear', relu: 'relu', leakyrelu: 'leakyrelu' };

/** wasm's Conv2D or FusedConv2D with dlkit's GEMM first (bias and relu/leakyrelu fused; sigmoid after). */
export function wasmConv2DConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return {
    ...stock,
    kernelFunc: (args) => {
      const gemm = wasmGemmFor(args.backend);
      const { x, filter, bias, preluActivationWeights } = args.inputs as Record<string, tf.TensorInfo | undefined>;
      const attrs = args.attrs as unknown as tf.FusedConv2DAttrs;
      const activation = attrs.activation ?? 'linear';
      const applied = activation === 'sigmoid' ? 'linear' : epilogueActivations[activation];
      if (!gemm || !x || !filter || preluActivationWeights || !applied) return stock.kernelFunc(args);
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number],
        filter.shape as [number, number, number, number],
        attrs.strides,
        attrs.dilations,
        attrs.pad,
        attrs.dimRoundingMode,
        false,
        tf.backend_util.convertConv2DDataFormat(attrs.dataFormat),
      );
      const y = gemm.conv2d(x, filter, info, { bias, activation: applied, alpha: attrs.leakyreluAlpha ?? 0.2 });
      if (!y) return stock.kernelFunc(args);
      if (activation !== 'sigmoid') return y;
      const out = tf.getKernel(tf.Sigmoid, 'wasm')!.kernelFunc({ inputs: { x: y }, backend: args.backend, attrs: {} }) as tf.TensorInfo;
      (args.backend as tf.KernelBackend).disposeData(y.dataId);
      return out;
    },
  };
}

/** wasm's Conv2DBackpropInput (also conv2dTranspose) with dlkit's GEMM first: stock runs a scalar loop. */
export function wasmConv2DBackpropInputConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return {
    ...stock,
    kernelFunc: (args) => {
      const gemm = wasmGemmFor(args.backend);
      const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
      const attrs = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
      if (!gemm) return stock.kernelFunc(args);
      const info = tf.backend_util.computeConv2DInfo(
        attrs.inputShape,
        filter.shape as [number, number, number, number],
        attrs.strides,
        1,
        attrs.pad,
        attrs.dimRoundingMode,
        false,
        tf.backend_util.convertConv2DDataFormat(attrs.dataFormat),
      );
      return gemm.conv2dBackpropInput(dy, filter, info) ?? stock.kernelFunc(args);
    },
  };
}

/**
 * Conv2DBackpropFilter for wasm, which has none: registered only while dlkit's GEMM runs (fast kernels on,
 * setWasmGemm not 'off', an engine with SIMD), so a model can ask tfjs whether conv2d's gradient runs here.
 */
export const wasmConv2DBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: (args) => {
    const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const attrs = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      attrs.filterShape,
      attrs.strides,
      1,
      attrs.pad,
      attrs.dimRoundingMode,
      false,
      tf.backend_util.convertConv2DDataFormat(attrs.dataFormat),
    );
    const dw = wasmGemmFor(args.backend)?.conv2dBackpropFilter(x, dy, info);
    if (!dw) {
      throw new BackendError(
        `Conv2DBackpropFilter: dlkit's wasm kernel takes float32 NHWC inputs whose filter patch (kH·kW·inC values) fits its im2col buffer, found x ${x.dtype} [${x.shape}], dy [${dy.shape}], filter [${attrs.filterShape}], ${attrs.dataFormat}`,
        { kind: 'unavailable' },
      );
    }
    return dw;
  },
};

/** dlkit's transposed convolution with bias and activation in the same pass (see conv2dTranspose). */
export const fusedConv2DTransposeKernelName = 'DlkitFusedConv2DTranspose';

export interface FusedConv2DTransposeAttrs {
  /** [batch, height, width, channels] of the output. */
  outputShape: [number, number, number, number];
  strides: number | [number, number];
  pad: 'same' | 'valid' | number;
  /** 'linear', 'relu', 'leakyrelu' or 'sigmoid'. */
  activation: string;
  leakyreluAlpha: number;
}

/**
 * conv2dTranspose(x, filter [k, k, out, in]) + bias, then the activation, on dlkit's GEMM: the
 * Conv2DBackpropInput products with bias and relu/leakyrelu applied as each image is completed.
 * Registered for wasm only while the GEMM runs; the op runs tfjs's kernels elsewhere.
 */
export const wasmFusedConv2DTransposeConfig: tf.KernelConfig = {
  kernelName: fusedConv2DTransposeKernelName,
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const { x, filter, bias } = inputs as { x: tf.TensorInfo; filter: tf.TensorInfo; bias?: tf.TensorInfo };
    const { outputShape, strides, pad, activation, leakyreluAlpha } = attrs as unknown as FusedConv2DTransposeAttrs;
    const info = tf.backend_util.computeConv2DInfo(outputShape, filter.shape as [number, number, number, number], strides, 1, pad);
    const applied = activation === 'sigmoid' ? 'linear' : epilogueActivations[activation];
    const y = applied && wasmGemmFor(backend)?.conv2dBackpropInput(x, filter, info, { bias, activation: applied, alpha: leakyreluAlpha });
    if (!y) {
      throw new BackendError(
        `${fusedConv2DTransposeKernelName}: dlkit's wasm kernel takes float32 inputs, a filter patch that fits its im2col buffer and activation linear, relu, leakyrelu or sigmoid; found x ${x.dtype} [${x.shape}], filter [${filter.shape}], ${activation}`,
        { kind: 'unavailable' },
      );
    }
    if (activation !== 'sigmoid') return y;
    const out = tf.getKernel(tf.Sigmoid, 'wasm')!.kernelFunc({ inputs: { x: y }, backend, attrs: {} }) as tf.TensorInfo;
    (backend as tf.KernelBackend).disposeData(y.dataId);
    return out;
  },
};
