import type { KerasLayer } from './keras-config';

/**
 * A Keras Reshape layer: each example to `targetShape` (without the batch dimension).
 * @example
 * reshapeLayer('image', [28, 28, 1]);
 */
export function reshapeLayer(name: string, targetShape: readonly number[]): KerasLayer {
  return { class_name: 'Reshape', config: { target_shape: [...targetShape], name, trainable: true } };
}
