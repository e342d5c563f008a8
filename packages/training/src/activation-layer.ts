import type { KerasActivation, KerasLayer } from './keras-config';

/**
 * A Keras Activation layer: `activation` applied on its own, as after a layer without one.
 * @example
 * activationLayer('output', 'sigmoid');
 */
export function activationLayer(name: string, activation: KerasActivation): KerasLayer {
  return { class_name: 'Activation', config: { activation, name, trainable: true } };
}
