import type * as tf from '@tensorflow/tfjs-core';

interface RefCountingBackend {
  incRef(dataId: tf.DataId): void;
}

/**
 * Identity for the wasm backend that shares its input's buffer (a reference count, as its Reshape and
 * the cpu backend's Identity do) instead of copying it. tfjs clones every tensor a gradient saves
 * through Identity, so stock wasm copied each saved input of every recorded kernel, weight matrices
 * included (127 copies, ~4 ms a GAN step). Sharing is safe: backends never write into a tensor's
 * buffer after it is made, and a variable's assign takes a new buffer. Strings keep stock's path.
 */
export function sharedIdentityConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: stock.kernelName,
    backendName: stock.backendName,
    kernelFunc: (args) => {
      const x = args.inputs.x as tf.TensorInfo;
      if (x.dtype === 'string') return stock.kernelFunc(args);
      return shareBuffer(args.backend, x);
    },
  };
}

/** x again, on the same buffer: one more reference to its data, no copy. */
export function shareBuffer(backend: unknown, x: tf.TensorInfo): tf.TensorInfo {
  (backend as RefCountingBackend).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}
