import type { KerasLayer } from './keras-config';
import { onesInitializer, zerosInitializer } from './keras-initializers';

/**
 * A Keras BatchNormalization layer over the last axis: `gamma · (x − moving_mean) / √(moving_variance + epsilon) + beta`
 * at inference (weights `NAME/gamma`, `NAME/beta`, `NAME/moving_mean`, `NAME/moving_variance`, in that order).
 * `epsilon` must be the one the statistics were used with (Keras' default is 1e-3); `momentum` only
 * matters to whoever trains the model further (Keras' default 0.99).
 * @example
 * batchNormalizationLayer('norm0', { epsilon: 1e-5 });
 */
export function batchNormalizationLayer(name: string, options: { epsilon?: number; momentum?: number } = {}): KerasLayer {
  return {
    class_name: 'BatchNormalization',
    config: {
      axis: -1,
      momentum: options.momentum ?? 0.99,
      epsilon: options.epsilon ?? 1e-3,
      center: true,
      scale: true,
      beta_initializer: zerosInitializer,
      gamma_initializer: onesInitializer,
      moving_mean_initializer: zerosInitializer,
      moving_variance_initializer: onesInitializer,
      beta_regularizer: null,
      gamma_regularizer: null,
      beta_constraint: null,
      gamma_constraint: null,
      name,
      trainable: true,
    },
  };
}
