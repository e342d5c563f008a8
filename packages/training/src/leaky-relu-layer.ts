import type { KerasLayer } from './keras-config';

/**
 * A Keras LeakyReLU layer: x for x ≥ 0, `alpha`·x below.
 * @example
 * leakyReluLayer('leaky_re_lu0', 0.2);
 */
export function leakyReluLayer(name: string, alpha: number): KerasLayer {
  return { class_name: 'LeakyReLU', config: { alpha, name, trainable: true } };
}
