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

// How a fresh copy of a Dense layer would start (the exported weights replace it): PyTorch's nn.Linear
// kernel, U(±1/√fanIn), is Keras' VarianceScaling with scale 1/3, fan_in, uniform. Keras has no bias
// initializer that knows the fan-in, so biases would start at zero.
const linearKernel = { class_name: 'VarianceScaling', config: { scale: 1 / 3, mode: 'fan_in', distribution: 'uniform', seed: null } };
const zeros = { class_name: 'Zeros', config: {} };

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

export function denseLayer(name: string, units: number, activation: 'linear' | 'relu' | 'sigmoid'): KerasLayer {
  return {
    class_name: 'Dense',
    config: {
      units,
      activation,
      use_bias: true,
      kernel_initializer: linearKernel,
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

export function reshapeLayer(name: string, targetShape: number[]): KerasLayer {
  return { class_name: 'Reshape', config: { target_shape: targetShape, name, trainable: true } };
}
