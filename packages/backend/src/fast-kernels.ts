import * as tf from '@tensorflow/tfjs-core';
import { batchMatMulGradConfig } from './kernels/batch-mat-mul-grad';
import { fusedMatMulGradConfig } from './kernels/fused-mat-mul-grad';
import { leakyReluGradConfig } from './kernels/leaky-relu-grad';
import { sliceGradConfig } from './kernels/slice-grad';
import { sharedIdentityConfig } from './kernels/wasm-identity';

const fastGradients: readonly tf.GradConfig[] = [batchMatMulGradConfig, fusedMatMulGradConfig, leakyReluGradConfig, sliceGradConfig];

// tfjs's stock gradients, captured before ours replace them (undefined: stock has none for that kernel).
const stockGradients = new Map<string, tf.GradConfig | undefined>();
// wasm's stock Identity kernel, captured once the wasm backend has registered its kernels.
let stockWasmIdentity: tf.KernelConfig | undefined;
let enabled = true;

/**
 * Turns dlkit's fast gradients and fused dense kernel on (the default) or off. Off restores tfjs's
 * stock gradients and kernels and makes `dense` use plain tfjs ops, so one process can compare both.
 * The fast gradients compute the same values on every backend; on WASM they keep every matrix product
 * on XNNPACK by materializing transposes, and tensors saved for gradients share their buffers.
 */
export function setFastKernels(on: boolean): void {
  enabled = on;
  applyFastKernels();
}

/** Whether dlkit's fast gradients and fused dense kernel are in use. */
export function fastKernelsEnabled(): boolean {
  return enabled;
}

/**
 * Registers the gradients and kernels `setFastKernels` last asked for; initBackend calls it before and
 * after a backend starts (the wasm kernels exist only once tfjs-backend-wasm is loaded).
 */
export function applyFastKernels(): void {
  applyWasmIdentity();
  for (const config of fastGradients) {
    if (!stockGradients.has(config.kernelName)) stockGradients.set(config.kernelName, tf.getGradient(config.kernelName));
    const stock = stockGradients.get(config.kernelName);
    if (tf.getGradient(config.kernelName) !== undefined) tf.unregisterGradient(config.kernelName);
    if (enabled) tf.registerGradient(config);
    else if (stock) tf.registerGradient(stock);
  }
}

function applyWasmIdentity(): void {
  const current = tf.getKernel(tf.Identity, 'wasm');
  if (current === undefined) return;
  stockWasmIdentity ??= current;
  const wanted = enabled ? sharedIdentityConfig(stockWasmIdentity) : stockWasmIdentity;
  if (enabled === (current !== stockWasmIdentity)) return;
  tf.unregisterKernel(tf.Identity, 'wasm');
  tf.registerKernel(wanted);
}
