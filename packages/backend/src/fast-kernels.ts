import * as tf from '@tensorflow/tfjs-core';
import { fastKernelsEnabled, switchFastKernels } from './_fast-kernels-switch';
// tfjs's own gradients, from the installed tfjs-core (package.json's "imports" says which file for
// Node and which for bundlers): ours replace some of them, and setFastKernels(false) puts them back.
import '#tfjs-gradients';
import { batchMatMulGradConfig } from './gradients/batch-mat-mul-grad';
import { fusedConv2DGradConfig } from './gradients/fused-conv2d-grad';
import { fusedConv2DTransposeGradConfig } from './gradients/fused-conv2d-transpose-grad';
import { fusedMatMulGradConfig } from './gradients/fused-mat-mul-grad';
import { activationGradGradConfig } from './gradients/_step-times';
import { leakyReluGradConfig } from './gradients/leaky-relu-grad';
import { reluGradConfig } from './gradients/relu-grad';
import { sliceGradConfig } from './gradients/slice-grad';
import { sumGradConfig } from './gradients/sum-grad';
import { wasmActivationGradConfig } from './wasm/wasm-activation-grad';
import { wasmAdamUpdateConfig } from './wasm/wasm-adam-update';
import { dropoutGradConfig, wasmDropoutConfig } from './wasm/wasm-dropout';
import { wasmMovingAverageConfig } from './wasm/wasm-moving-average';
import { resolvedGemmVariant, switchWasmGemm, type WasmGemmChoice, type WasmGemmVariant } from './wasm/_wasm-gemm-switch';
import {
  wasmConv2DBackpropFilterConfig,
  wasmConv2DBackpropInputConfig,
  wasmConv2DConfig,
  wasmFusedConv2DTransposeConfig,
} from './wasm/wasm-conv2d';
import { wasmGemmFor } from './wasm/wasm-gemm-for';
import { sharedCastConfig } from './wasm/wasm-cast';
import { sharedIdentityConfig } from './wasm/wasm-identity';
import { channelBroadcastConfig } from './wasm/wasm-channel-broadcast';
import { fastMeanConfig } from './wasm/wasm-mean';
import { fastSumConfig } from './wasm/wasm-sum';
import { fastTileConfig } from './wasm/wasm-tile';
import { fastTanhConfig } from './wasm/wasm-tanh';
import { fastSliceConfig, fastSplitVConfig, fastUnpackConfig } from './wasm/wasm-slice';
import { fastConcatConfig, fastPackConfig } from './wasm/wasm-concat';
import { fastLeakyReluConfig } from './wasm/wasm-leaky-relu';
import { wasmMatMulConfig } from './wasm/wasm-mat-mul';
import { fastTransposeConfig } from './wasm/wasm-transpose';

export { fastKernelsEnabled } from './_fast-kernels-switch';
export type { WasmGemmChoice, WasmGemmVariant } from './wasm/_wasm-gemm-switch';

const fastGradients: readonly tf.GradConfig[] = [
  batchMatMulGradConfig,
  fusedMatMulGradConfig,
  fusedConv2DGradConfig,
  fusedConv2DTransposeGradConfig,
  leakyReluGradConfig,
  reluGradConfig,
  activationGradGradConfig,
  dropoutGradConfig,
  sliceGradConfig,
  sumGradConfig,
];

// tfjs's stock gradients, captured before ours replace them (undefined: stock has none for that kernel).
const stockGradients = new Map<string, tf.GradConfig | undefined>();
// wasm kernels dlkit replaces, each made from the stock one it falls back to.
const wasmReplacements: readonly { kernelName: string; make: (stock: tf.KernelConfig) => tf.KernelConfig }[] = [
  { kernelName: tf.Identity, make: sharedIdentityConfig },
  { kernelName: tf.Cast, make: sharedCastConfig },
  { kernelName: tf.Transpose, make: fastTransposeConfig },
  { kernelName: tf.BatchMatMul, make: wasmMatMulConfig },
  { kernelName: tf._FusedMatMul, make: wasmMatMulConfig },
  { kernelName: tf.Conv2D, make: wasmConv2DConfig },
  { kernelName: tf.FusedConv2D, make: wasmConv2DConfig },
  { kernelName: tf.Conv2DBackpropInput, make: wasmConv2DBackpropInputConfig },
  { kernelName: tf.LeakyRelu, make: fastLeakyReluConfig },
  { kernelName: tf.Tanh, make: fastTanhConfig },
  { kernelName: tf.Sum, make: fastSumConfig },
  { kernelName: tf.Tile, make: fastTileConfig },
  { kernelName: tf.Slice, make: fastSliceConfig },
  { kernelName: tf.SplitV, make: fastSplitVConfig },
  { kernelName: tf.Unpack, make: fastUnpackConfig },
  { kernelName: tf.Concat, make: fastConcatConfig },
  { kernelName: tf.Pack, make: fastPackConfig },
  { kernelName: tf.Mean, make: fastMeanConfig },
  { kernelName: tf.Add, make: channelBroadcastConfig('add') },
  { kernelName: tf.Sub, make: channelBroadcastConfig('sub') },
  { kernelName: tf.Multiply, make: channelBroadcastConfig('mul') },
];
// dlkit's own wasm kernels, with no stock counterpart (ops call them only while fast kernels are on).
const ourWasmOnlyKernels: readonly tf.KernelConfig[] = [
  wasmActivationGradConfig,
  wasmAdamUpdateConfig,
  wasmDropoutConfig,
  wasmMovingAverageConfig,
];
// Kernels stock wasm lacks, registered only while dlkit's GEMM runs there: whether tfjs has one for the
// backend tells a model that conv2d's gradient runs (@dlkit/gan's DCGAN asks).
const gemmOnlyKernels: readonly tf.KernelConfig[] = [wasmConv2DBackpropFilterConfig, wasmFusedConv2DTransposeConfig];
// Captured once the wasm backend has registered its kernels: stock, and ours made from it.
const stockWasmKernels = new Map<string, tf.KernelConfig>();
const ourWasmKernels = new Map<string, tf.KernelConfig>();

/**
 * Turns dlkit's fast gradients and kernels on (the default) or off. Off restores tfjs's stock gradients
 * and kernels and makes `dense`, `Adam` and `movingAverage` use plain tfjs ops, so one process can
 * compare both. The fast gradients compute the same values on every backend. On WASM every matrix
 * product runs untransposed on XNNPACK (transposes are materialized by dlkit's SIMD kernel), Adam
 * updates each parameter and movingAverage an average in one SIMD pass, and tensors saved for
 * gradients share their buffers.
 */
export function setFastKernels(on: boolean): void {
  switchFastKernels(on);
  applyFastKernels();
}

/**
 * Chooses the matrix-product kernel dlkit's WASM kernels use (products, dense layers, convolutions and
 * their gradients): `'auto'` (the default) takes the FMA build where the engine validates relaxed SIMD
 * (Node ≥ 22, Chrome ≥ 114), else the mul+add build where it has SIMD, else tfjs's XNNPACK; `'fma'` and
 * `'mul-add'` force one (a `BackendError` of kind `'unavailable'` where the engine cannot run it);
 * `'off'` goes back to XNNPACK (with dlkit's transposes), as before dlkit had a GEMM. One per process.
 */
export function setWasmGemm(choice: WasmGemmChoice): void {
  switchWasmGemm(choice);
  applyFastKernels();
}

/**
 * The GEMM build dlkit's WASM kernels use (or will use once the WASM backend runs): `'fma'`, `'mul-add'`,
 * or undefined when tfjs's XNNPACK serves the products (fast kernels off, `setWasmGemm('off')`, no SIMD).
 */
export function wasmGemmVariant(): WasmGemmVariant | undefined {
  return fastKernelsEnabled() ? resolvedGemmVariant() : undefined;
}

/**
 * Registers the gradients and kernels `setFastKernels` last asked for; initBackend calls it before and
 * after a backend starts (the wasm kernels exist only once tfjs-backend-wasm is loaded).
 */
export function applyFastKernels(): void {
  applyWasmKernels();
  const enabled = fastKernelsEnabled();
  for (const config of fastGradients) {
    if (!stockGradients.has(config.kernelName)) stockGradients.set(config.kernelName, tf.getGradient(config.kernelName));
    const stock = stockGradients.get(config.kernelName);
    if (tf.getGradient(config.kernelName) !== undefined) tf.unregisterGradient(config.kernelName);
    if (enabled) tf.registerGradient(config);
    else if (stock) tf.registerGradient(stock);
  }
}

function applyWasmKernels(): void {
  for (const { kernelName, make } of wasmReplacements) {
    const current = tf.getKernel(kernelName, 'wasm');
    if (current === undefined) continue;
    if (!stockWasmKernels.has(kernelName)) {
      stockWasmKernels.set(kernelName, current);
      ourWasmKernels.set(kernelName, make(current));
    }
    const wanted = (fastKernelsEnabled() ? ourWasmKernels : stockWasmKernels).get(kernelName)!;
    if (current === wanted) continue;
    tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel(wanted);
  }
  for (const config of ourWasmOnlyKernels) {
    if (tf.getKernel(config.kernelName, 'wasm') === undefined) tf.registerKernel(config);
  }
  const wasm = tf.findBackend('wasm');
  const gemmRuns = fastKernelsEnabled() && wasm !== null && wasmGemmFor(wasm) !== undefined;
  for (const config of gemmOnlyKernels) {
    const current = tf.getKernel(config.kernelName, 'wasm');
    if (gemmRuns && current === undefined) tf.registerKernel(config);
    if (!gemmRuns && current === config) tf.unregisterKernel(config.kernelName, 'wasm');
  }
}
