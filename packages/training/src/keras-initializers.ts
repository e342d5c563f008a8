import type { KerasInitializer } from './keras-config';

/**
 * Keras' VarianceScaling initializer: values with variance `scale / n`, n the fan-in, fan-out or their
 * mean (`mode`), drawn uniform or truncated normal. PyTorch's nn.Linear kernel, U(±1/√fanIn), is
 * `varianceScaling({ scale: 1 / 3, mode: 'fan_in', distribution: 'uniform' })`.
 * @example
 * denseLayer('dense0', 256, { kernelInitializer: varianceScaling({ scale: 2, mode: 'fan_in', distribution: 'truncated_normal' }) });
 */
export function varianceScaling(options: {
  scale: number;
  mode: 'fan_in' | 'fan_out' | 'fan_avg';
  distribution: 'uniform' | 'normal' | 'truncated_normal';
}): KerasInitializer {
  return {
    class_name: 'VarianceScaling',
    config: { scale: options.scale, mode: options.mode, distribution: options.distribution, seed: null },
  };
}

/** Glorot (Xavier) uniform, Keras' default kernel initializer: `varianceScaling` with scale 1, fan_avg, uniform. */
export const glorotUniform: KerasInitializer = varianceScaling({ scale: 1, mode: 'fan_avg', distribution: 'uniform' });

/** All zeros, Keras' default bias initializer. */
export const zerosInitializer: KerasInitializer = { class_name: 'Zeros', config: {} };

/** All ones, Keras' default for a BatchNormalization layer's gamma and moving variance. */
export const onesInitializer: KerasInitializer = { class_name: 'Ones', config: {} };
