import * as tf from '@tensorflow/tfjs-core';

export interface AdamSettings {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/**
 * Adam whose whole state (first and second moments, step count) is ours, so checkpoints hold it and
 * a resumed run continues bit-exactly. Bias corrections are computed in float64 from the step count
 * rather than accumulated in float32 variables (tf.train.adam does that, and a restore drifts).
 */
export class Adam {
  readonly firstMoments: tf.Variable[];
  readonly secondMoments: tf.Variable[];
  /** Updates applied so far. */
  step = 0;

  constructor(
    readonly settings: AdamSettings,
    readonly parameters: readonly tf.Variable[],
  ) {
    this.firstMoments = parameters.map(zeroVariableLike);
    this.secondMoments = parameters.map(zeroVariableLike);
  }

  /** Applies one update from gradients given in the order of `parameters`. */
  apply(gradients: readonly tf.Tensor[]): void {
    const { learningRate, beta1, beta2, epsilon } = this.settings;
    const t = this.step + 1;
    const correction2 = Math.sqrt(1 - beta2 ** t);
    // lr·m̂/(√v̂ + ε) = lr_t·m/(√v + ε·√(1−β2^t)) with lr_t = lr·√(1−β2^t)/(1−β1^t).
    const stepSize = (learningRate * correction2) / (1 - beta1 ** t);
    const epsilonHat = epsilon * correction2;
    tf.tidy(() => {
      this.parameters.forEach((parameter, i) => {
        const g = gradients[i]!;
        const m = this.firstMoments[i]!;
        const v = this.secondMoments[i]!;
        m.assign(tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1)));
        v.assign(tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2)));
        parameter.assign(tf.sub(parameter, tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsilonHat)), stepSize)));
      });
    });
    this.step = t;
  }

  dispose(): void {
    for (const variable of [...this.firstMoments, ...this.secondMoments]) variable.dispose();
  }
}

function zeroVariableLike(parameter: tf.Variable): tf.Variable {
  const zeros = tf.zerosLike(parameter);
  const variable = tf.variable(zeros, false);
  zeros.dispose();
  return variable;
}
