import type { KerasLayer, KerasSequential } from './keras-config';

/**
 * A Keras Sequential topology whose input is `[batch, ...inputShape]`: the first layer carries the input
 * shape, as Keras writes it. `keras_version` names the tfjs-layers release whose serialization the layer
 * builders copy. Throws a RangeError without layers.
 * @example
 * sequentialTopology('generator', [100], [denseLayer('dense0', 784, { activation: 'tanh' }), reshapeLayer('image', [28, 28, 1])]);
 */
export function sequentialTopology(name: string, inputShape: readonly number[], layers: readonly KerasLayer[]): KerasSequential {
  const [first, ...rest] = layers;
  if (!first) throw new RangeError(`sequentialTopology: the model '${name}' needs at least one layer`);
  const input = { ...first, config: { ...first.config, batch_input_shape: [null, ...inputShape], dtype: 'float32' } };
  return {
    class_name: 'Sequential',
    config: { name, layers: [input, ...rest] },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
}
