import * as tf from '@tensorflow/tfjs-core';

/** Activations a dense layer can apply. */
export type DenseActivation = 'linear' | 'relu' | 'leakyRelu' | 'sigmoid' | 'tanh';

export interface DenseOptions {
  activation?: DenseActivation;
  /** Slope for negative inputs of 'leakyRelu'. */
  leakyAlpha?: number;
}

/**
 * A fully connected layer, activation(x · weights + bias), for x [batch, in] and weights [in, out].
 * Every dlkit model builds its layers from this op so that faster kernels reach all of them.
 */
export function dense(x: tf.Tensor2D, weights: tf.Tensor2D, bias?: tf.Tensor1D, options: DenseOptions = {}): tf.Tensor2D {
  const { activation = 'linear', leakyAlpha = 0.2 } = options;
  return tf.tidy(() => {
    const linear = bias ? tf.add(tf.matMul(x, weights), bias) : tf.matMul(x, weights);
    switch (activation) {
      case 'linear':
        return linear as tf.Tensor2D;
      case 'relu':
        return tf.relu(linear) as tf.Tensor2D;
      case 'leakyRelu':
        return tf.leakyRelu(linear, leakyAlpha) as tf.Tensor2D;
      case 'sigmoid':
        return tf.sigmoid(linear) as tf.Tensor2D;
      case 'tanh':
        return tf.tanh(linear) as tf.Tensor2D;
    }
  });
}
