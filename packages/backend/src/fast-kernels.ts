import * as tf from '@tensorflow/tfjs-core';
import { fastKernelsEnabled, switchFastKernels } from './_fast-kernels-switch';
// tfjs's own gradients, from the installed tfjs-core (package.json's "imports" says which file for
// Node and which for bundlers): ours replace some of them, and setFastKernels(false) puts them back.
import '#tfjs-gradients';
import { batchMatMulGradConfig } from './gradients/batch-mat-mul-grad';
import { fusedMatMulGradConfig } from './gradients/fused-mat-mul-grad';
import { leakyReluGradConfig } from './gradients/leaky-relu-grad';
import { sliceGradConfig } from './gradients/slice-grad';
import { wasmAdamUpdateConfig } from './wasm/wasm-adam-update';
import { wasmDropoutMaskConfig } from './wasm/wasm-dropout-mask';
import { sharedIdentityConfig } from './wasm/wasm-identity';
import { fastLeakyReluConfig } from './wasm/wasm-leaky-relu';
import { untransposedMatMulConfig } from './wasm/wasm-mat-mul';
import { fastTransposeConfig } from './wasm/wasm-transpose';

export { fastKernelsEnabled } from './_fast-kernels-switch';

const fastGradients: readonly tf.GradConfig[] = [batchMatMulGradConfig, fusedMatMulGradConfig, leakyReluGradConfig, sliceGradConfig];

// tfjs's stock gradients, captured before ours replace them (undefined: stock has none for that kernel).
const stockGradients = new Map<string, tf.GradConfig | undefined>();
// wasm kernels dlkit replaces, each made from the stock one it falls back to.
const wasmReplacements: readonly { kernelName: string; make: (stock: tf.KernelConfig) => tf.KernelConfig }[] = [
  { kernelName: tf.Identity, make: sharedIdentityConfig },
  { kernelName: tf.Transpose, make: fastTransposeConfig },
  { kernelName: tf.BatchMatMul, make: untransposedMatMulConfig },
  { kernelName: tf._FusedMatMul, make: untransposedMatMulConfig },
  { kernelName: tf.LeakyRelu, make: fastLeakyReluConfig },
];
// dlkit's own wasm kernels, with no stock counterpart (ops call them only while fast kernels are on).
const ourWasmOnlyKernels: readonly tf.KernelConfig[] = [wasmAdamUpdateConfig, wasmDropoutMaskConfig];
// Captured once the wasm backend has registered its kernels: stock, and ours made from it.
const stockWasmKernels = new Map<string, tf.KernelConfig>();
const ourWasmKernels = new Map<string, tf.KernelConfig>();

/**
 * Turns dlkit's fast gradients and kernels on (the default) or off. Off restores tfjs's stock gradients
 * and kernels and makes `dense` and `Adam` use plain tfjs ops, so one process can compare both.
 * The fast gradients compute the same values on every backend. On WASM every matrix product runs
 * untransposed on XNNPACK (transposes are materialized by dlkit's SIMD kernel), Adam updates each
 * parameter in one SIMD pass, and tensors saved for gradients share their buffers.
 */
export function setFastKernels(on: boolean): void {
  switchFastKernels(on);
  applyFastKernels();
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
}
