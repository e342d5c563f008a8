import type * as tf from '@tensorflow/tfjs-core';
import { wasmKernelsFor } from '../wasm-kernels/wasm-kernels';

/**
 * wasm's BatchMatMul or _FusedMatMul with transposed operands materialized first: XNNPACK serves only
 * untransposed products (20–30 GFLOP/s a thread), the transposed ones fall to a loop 10–50× slower,
 * and dlkit's transpose kernel costs about one pass over the operand.
 */
export function untransposedMatMulConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return {
    ...stock,
    kernelFunc: (args) => {
      const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
      const a = args.inputs.a as tf.TensorInfo;
      const b = args.inputs.b as tf.TensorInfo;
      const float32 = a.dtype === 'float32' && b.dtype === 'float32';
      const kernels = (transposeA || transposeB) && float32 ? wasmKernelsFor(args.backend) : undefined;
      if (!kernels) return stock.kernelFunc(args);
      const transposed: tf.TensorInfo[] = [];
      const materialize = (x: tf.TensorInfo) => {
        const t = kernels.transposeLastTwo(x);
        transposed.push(t);
        return t;
      };
      try {
        return stock.kernelFunc({
          ...args,
          inputs: { ...args.inputs, a: transposeA ? materialize(a) : a, b: transposeB ? materialize(b) : b },
          attrs: { ...args.attrs, transposeA: false, transposeB: false },
        });
      } finally {
        for (const t of transposed) (args.backend as { disposeData(id: tf.DataId): void }).disposeData(t.dataId);
      }
    },
  };
}
