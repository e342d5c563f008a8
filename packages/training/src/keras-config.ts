// Keras configs as tfjs-layers 4.22 serializes them (snake_case keys, every default spelled out), so that
// tf.loadLayersModel and tensorflowjs_converter read what the layer builders make like their own.

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

/** A Keras initializer config: how a fresh copy of the layer would start; exported weights replace it. */
export interface KerasInitializer {
  class_name: string;
  config: Record<string, unknown>;
}

/** The activations tfjs-layers 4.22 knows by name (its `ActivationIdentifier`). */
export type KerasActivation =
  | 'elu'
  | 'hardSigmoid'
  | 'linear'
  | 'relu'
  | 'relu6'
  | 'selu'
  | 'sigmoid'
  | 'softmax'
  | 'softplus'
  | 'softsign'
  | 'tanh'
  | 'swish'
  | 'mish'
  | 'gelu'
  | 'gelu_new';
