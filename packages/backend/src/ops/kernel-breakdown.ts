import * as tf from '@tensorflow/tfjs-core';

/** Time spent in one kernel during a profiled function. */
export interface KernelTime {
  kernel: string;
  /** Milliseconds summed over every call. */
  ms: number;
  calls: number;
}

/**
 * Runs `fn` once under tf.profile and returns the time per kernel, largest first: what dominates a
 * training step. Exact on synchronous backends (WASM, cpu); on GPU backends it is kernel time as tfjs
 * measures it. Tensors `fn` returns are disposed.
 */
export async function kernelBreakdown(fn: () => unknown): Promise<KernelTime[]> {
  const info = await tf.profile(() => fn() as tf.TensorContainer);
  const byKernel = new Map<string, KernelTime>();
  for (const kernel of info.kernels) {
    const entry = byKernel.get(kernel.name) ?? { kernel: kernel.name, ms: 0, calls: 0 };
    entry.ms += Number(kernel.kernelTimeMs) || 0;
    entry.calls += 1;
    byKernel.set(kernel.name, entry);
  }
  tf.dispose(info.result);
  return [...byKernel.values()].sort((a, b) => b.ms - a.ms);
}
