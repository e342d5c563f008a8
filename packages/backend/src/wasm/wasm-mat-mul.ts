import * as tf from '@tensorflow/tfjs-core';
import type { GemmActivation } from './wasm-gemm';
import { wasmGemmFor } from './wasm-gemm-for';
import type { WasmKernels } from './wasm-kernels';
import { wasmKernelsFor } from './wasm-kernels-for';

const epilogueActivations: Record<string, GemmActivation | undefined> = { linear: 'linear', relu: 'relu', leakyrelu: 'leakyrelu' };

/**
 * wasm's BatchMatMul or _FusedMatMul on dlkit's GEMM (relaxed-SIMD FMA or mul+add, every transpose case
 * packed by the kernel itself, threads of its own; bias and relu/leakyrelu applied as the product is
 * stored, sigmoid by tfjs's kernel after). Where the GEMM does not run (setWasmGemm('off'), no SIMD) or
 * does not take the inputs, transposed operands are materialized first (dlkit's transpose kernel, kept
 * with the source buffer: a weight matrix is transposed once per update) and XNNPACK multiplies: it serves
 * untransposed products only, the transposed ones fall to a loop 10–50× slower.
 */
export function wasmMatMulConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return {
    ...stock,
    kernelFunc: (args) => {
      const ours = onGemm(args, stock);
      if (ours) return ours;
      const kernels = wasmKernelsFor(args.backend);
      return (kernels && untransposed(args, kernels, stock)) ?? stock.kernelFunc(args);
    },
  };
}

function onGemm(args: Parameters<tf.KernelFunc>[0], stock: tf.KernelConfig): tf.TensorInfo | undefined {
  const gemm = wasmGemmFor(args.backend);
  if (!gemm) return undefined;
  const { transposeA, transposeB, activation = 'linear', leakyreluAlpha } = args.attrs as unknown as tf._FusedMatMulAttrs;
  const { a, b, bias, preluActivationWeights } = args.inputs as {
    a: tf.TensorInfo;
    b: tf.TensorInfo;
    bias?: tf.TensorInfo;
    preluActivationWeights?: tf.TensorInfo;
  };
  if (stock.kernelName === tf.BatchMatMul) return gemm.matMul(a, b, transposeA, transposeB);
  if (preluActivationWeights) return undefined;
  const sigmoid = activation === 'sigmoid';
  const applied = sigmoid ? 'linear' : epilogueActivations[activation];
  if (!applied) return undefined;
  const product = gemm.matMul(a, b, transposeA, transposeB, { bias, activation: applied, alpha: leakyreluAlpha ?? 0.2 });
  if (!product || !sigmoid) return product;
  const sigmoidKernel = tf.getKernel(tf.Sigmoid, 'wasm')!;
  const out = sigmoidKernel.kernelFunc({ inputs: { x: product }, backend: args.backend, attrs: {} }) as tf.TensorInfo;
  (args.backend as tf.KernelBackend).disposeData(product.dataId);
  return out;
}

function untransposed(args: Parameters<tf.KernelFunc>[0], kernels: WasmKernels, stock: tf.KernelConfig): tf.TensorInfo | undefined {
  const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
  const a = args.inputs.a as tf.TensorInfo;
  const b = args.inputs.b as tf.TensorInfo;
  if (!(transposeA || transposeB) || a.dtype !== 'float32' || b.dtype !== 'float32') return undefined;
  return stock.kernelFunc({
    ...args,
    inputs: { ...args.inputs, a: transposeA ? kernels.transposeLastTwoOnce(a) : a, b: transposeB ? kernels.transposeLastTwoOnce(b) : b },
    attrs: { ...args.attrs, transposeA: false, transposeB: false },
  }) as tf.TensorInfo;
}
