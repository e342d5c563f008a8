// Keras layer configs exactly as tfjs-layers 4.22 serializes them (snake_case keys, every default
// spelled out), so that tf.loadLayersModel and tensorflowjs_converter read them like their own.

/** One layer of a Keras topology: its class and its config. */
export interface KerasLayer {
  class_name: string;
  config: Record<string, unknown>;
}

/** A Keras Sequential model topology, the `modelTopology` of a tfjs layers-model artifact. */
export interface KerasSequential {
  class_name: 'Sequential';
  config: { name: string; layers: KerasLayer[] };
  keras_version: string;
  backend: string;
}

/** A Keras initializer config: how a fresh copy of the layer would start; the exported weights replace it. */
export type KerasInitializer = { class_name: string; config: Record<string, unknown> };

/** Glorot (Xavier) uniform, Keras' default and what @dlkit/gan draws its kernels from. */
export const glorotUniform: KerasInitializer = {
  class_name: 'VarianceScaling',
  config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null },
};

const zeros: KerasInitializer = { class_name: 'Zeros', config: {} };

/**
 * A Sequential topology taking [batch, inputSize]; the first layer carries the input shape, as Keras writes it.
 * `keras_version` names the tfjs-layers release whose serialization this copies.
 */
export function sequential(name: string, inputSize: number, layers: KerasLayer[]): KerasSequential {
  const [first, ...rest] = layers;
  if (!first) throw new Error('a Sequential model needs at least one layer');
  const input = { ...first, config: { ...first.config, batch_input_shape: [null, inputSize], dtype: 'float32' } };
  return {
    class_name: 'Sequential',
    config: { name, layers: [input, ...rest] },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
}

export function denseLayer(name: string, units: number, activation: 'linear' | 'tanh', kernelInitializer: KerasInitializer): KerasLayer {
  return {
    class_name: 'Dense',
    config: {
      units,
      activation,
      use_bias: true,
      kernel_initializer: kernelInitializer,
      bias_initializer: zeros,
      kernel_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
      name,
      trainable: true,
    },
  };
}

export function leakyReluLayer(name: string, alpha: number): KerasLayer {
  return { class_name: 'LeakyReLU', config: { alpha, name, trainable: true } };
}

export function reshapeLayer(name: string, targetShape: number[]): KerasLayer {
  return { class_name: 'Reshape', config: { target_shape: targetShape, name, trainable: true } };
}

/** Conv2DTranspose with 'same' padding, channels last; its kernel is [k, k, filters, inChannels]. */
export function conv2dTransposeLayer(
  name: string,
  filters: number,
  kernelSize: number,
  stride: number,
  activation: 'linear' | 'tanh',
  kernelInitializer: KerasInitializer,
): KerasLayer {
  return {
    class_name: 'Conv2DTranspose',
    config: {
      filters,
      kernel_initializer: kernelInitializer,
      kernel_regularizer: null,
      kernel_constraint: null,
      kernel_size: [kernelSize, kernelSize],
      strides: [stride, stride],
      padding: 'same',
      data_format: 'channels_last',
      activation,
      use_bias: true,
      bias_initializer: zeros,
      bias_regularizer: null,
      activity_regularizer: null,
      bias_constraint: null,
      name,
      trainable: true,
    },
  };
}
