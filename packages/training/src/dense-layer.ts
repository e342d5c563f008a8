import type { KerasActivation, KerasInitializer, KerasLayer } from './keras-config';
import { glorotUniform, zerosInitializer } from './keras-initializers';

/**
 * A Keras Dense layer: `activation(x · kernel + bias)`, kernel `[in, units]` (weights `NAME/kernel`,
 * `NAME/bias`; no bias with `useBias: false`, e.g. before a BatchNormalization layer, whose beta is the
 * shift). Defaults as Keras': activation 'linear', kernel initializer glorotUniform, zero bias.
 * @example
 * denseLayer('dense0', 256, { activation: 'relu' });
 */
export function denseLayer(
  name: string,
  units: number,
  options: { activation?: KerasActivation; kernelInitializer?: KerasInitializer; useBias?: boolean } = {},
): KerasLayer {
  return {
    class_name: 'Dense',
    config: {
      units,
      activation: options.activation ?? 'linear',
      use_bias: options.useBias ?? true,
      kernel_initializer: options.kernelInitializer ?? glorotUniform,
      bias_initializer: zerosInitializer,
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
