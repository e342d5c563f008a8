import * as tf from '@tensorflow/tfjs-core';

/**
 * Adam (Kingma & Ba) with its whole state explicit — step count t and the moments m, v — so that a
 * checkpoint restores it bit for bit (tfjs's AdamOptimizer rebuilds β^t with pow on load, which differs
 * in the last bits from the running product it keeps while training). Uses the paper's efficient form:
 * w −= lr·√(1−β2^t)/(1−β1^t) · m / (√v + ε·√(1−β2^t)).
 */
export class Adam {
  iterations = 0;
  readonly firstMoments: tf.Variable[];
  readonly secondMoments: tf.Variable[];

  constructor(
    readonly variables: readonly tf.Variable[],
    readonly learningRate: number,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly epsilon = 1e-8,
  ) {
    // tf.tidy drops the zerosLike wrappers; the variables keep their data.
    this.firstMoments = tf.tidy(() => variables.map((v) => tf.variable(tf.zerosLike(v), false)));
    this.secondMoments = tf.tidy(() => variables.map((v) => tf.variable(tf.zerosLike(v), false)));
  }

  apply(gradients: readonly tf.Tensor[]): void {
    this.iterations++;
    const correction1 = 1 - this.beta1 ** this.iterations;
    const correction2 = 1 - this.beta2 ** this.iterations;
    const stepSize = (this.learningRate * Math.sqrt(correction2)) / correction1;
    const epsilon = this.epsilon * Math.sqrt(correction2);
    tf.tidy(() => {
      this.variables.forEach((variable, i) => {
        const gradient = gradients[i]!;
        const m = tf.add(tf.mul(this.firstMoments[i]!, this.beta1), tf.mul(gradient, 1 - this.beta1));
        const v = tf.add(tf.mul(this.secondMoments[i]!, this.beta2), tf.mul(tf.square(gradient), 1 - this.beta2));
        this.firstMoments[i]!.assign(m);
        this.secondMoments[i]!.assign(v);
        variable.assign(tf.sub(variable, tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsilon)), stepSize)));
      });
    });
  }

  dispose(): void {
    tf.dispose([...this.firstMoments, ...this.secondMoments]);
  }
}
