import type { KerasActivation, KerasInitializer, KerasLayer } from './keras-config';
import { glorotUniform, zerosInitializer } from './keras-initializers';

/**
 * A Keras Conv2DTranspose layer, channels last, with a square kernel and equal strides; its kernel is
 * `[kernelSize, kernelSize, filters, inChannels]`. Defaults: strides 1, padding 'same', activation
 * 'linear', kernel initializer glorotUniform, zero bias (none with `useBias: false`).
 * @example
 * conv2dTransposeLayer('deconv1', 32, 5, { strides: 2, activation: 'tanh' }); // doubles height and width
 */
export function conv2dTransposeLayer(
  name: string,
  filters: number,
  kernelSize: number,
  options: {
    strides?: number;
    padding?: 'same' | 'valid';
    activation?: KerasActivation;
    kernelInitializer?: KerasInitializer;
    useBias?: boolean;
  } = {},
): KerasLayer {
  const strides = options.strides ?? 1;
  return {
    class_name: 'Conv2DTranspose',
    config: {
      filters,
      kernel_initializer: options.kernelInitializer ?? glorotUniform,
      kernel_regularizer: null,
      kernel_constraint: null,
      kernel_size: [kernelSize, kernelSize],
      strides: [strides, strides],
      padding: options.padding ?? 'same',
      data_format: 'channels_last',
      activation: options.activation ?? 'linear',
      use_bias: options.useBias ?? true,
      bias_initializer: zerosInitializer,
      bias_regularizer: null,
      activity_regularizer: null,
      bias_constraint: null,
      name,
      trainable: true,
    },
  };
}
