import * as tf from '@tensorflow/tfjs-core';
import { ourWasmKernelRuns } from '../wasm/_our-wasm-kernel';
import { adamUpdateKernelName } from '../wasm/wasm-adam-update';
import type { AdamUpdateConstants } from '../wasm/wasm-kernels';
import { BackendError } from '../backend-error';

export interface AdamSettings {
  learningRate: number;
  /** Decay of the first moment; default 0.9. */
  beta1?: number;
  /** Decay of the second moment; default 0.999. */
  beta2?: number;
  /** Added to √v̂; default 1e-8 (PyTorch's; Keras uses 1e-7). */
  epsilon?: number;
}

/**
 * Adam (Kingma & Ba) whose whole state is explicit — the step count and the moments m and v — so a
 * checkpoint restores it bit for bit: bias corrections are computed in float64 from the step count
 * (tf.train.adam accumulates β^t in float32 variables, and rebuilds them with pow on load). Uses the
 * paper's efficient form p −= α·√(1−β2^t)/(1−β1^t) · m / (√v + ε·√(1−β2^t)).
 * With fast kernels on WASM each parameter is updated in one SIMD pass, bit-identical to the tfjs ops
 * every other backend runs.
 */
export class Adam {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly firstMoments: tf.Variable[];
  readonly secondMoments: tf.Variable[];
  /** Updates applied so far (t of the bias corrections); a restored optimizer sets it. */
  step = 0;

  constructor(
    readonly parameters: readonly tf.Variable[],
    settings: AdamSettings,
  ) {
    const { learningRate, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = settings;
    for (const [name, value, ok, expected] of [
      ['learningRate', learningRate, learningRate > 0, '> 0'],
      ['beta1', beta1, beta1 >= 0 && beta1 < 1, 'in [0, 1)'],
      ['beta2', beta2, beta2 >= 0 && beta2 < 1, 'in [0, 1)'],
      ['epsilon', epsilon, epsilon >= 0, '≥ 0'],
    ] as const) {
      if (typeof value !== 'number' || !ok) {
        throw new BackendError(`Adam: ${name} ${String(value)} is out of range (expected a number ${expected})`, { kind: 'input' });
      }
    }
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.firstMoments = parameters.map(zeroVariableLike);
    this.secondMoments = parameters.map(zeroVariableLike);
  }

  /** Applies one update from gradients given in the order of `parameters`. */
  apply(gradients: readonly tf.Tensor[]): void {
    if (gradients.length !== this.parameters.length) {
      throw new BackendError(
        `Adam.apply: ${gradients.length} gradients for ${this.parameters.length} parameters (expected one gradient per parameter, in order)`,
        { kind: 'input' },
      );
    }
    const t = this.step + 1;
    const correction2 = Math.sqrt(1 - this.beta2 ** t);
    const constants: AdamUpdateConstants = {
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon * correction2,
      stepSize: (this.learningRate * correction2) / (1 - this.beta1 ** t),
    };
    tf.tidy(() => {
      this.parameters.forEach((parameter, i) => {
        const gradient = gradients[i]!;
        if (gradient.shape.join() !== parameter.shape.join()) {
          throw new BackendError(`Adam.apply: gradient ${i} has shape [${gradient.shape}], its parameter [${parameter.shape}]`, {
            kind: 'input',
          });
        }
        const [p, m, v] = adamUpdate(parameter, gradient, this.firstMoments[i]!, this.secondMoments[i]!, constants);
        this.firstMoments[i]!.assign(m);
        this.secondMoments[i]!.assign(v);
        parameter.assign(p);
      });
    });
    this.step = t;
  }

  dispose(): void {
    tf.dispose([...this.firstMoments, ...this.secondMoments]);
  }
}

/** The new parameter, first and second moment after one Adam step. */
function adamUpdate(p: tf.Tensor, g: tf.Tensor, m: tf.Tensor, v: tf.Tensor, c: AdamUpdateConstants): [tf.Tensor, tf.Tensor, tf.Tensor] {
  const float32 = [p, g, m, v].every((x) => x.dtype === 'float32');
  if (float32 && ourWasmKernelRuns(adamUpdateKernelName)) {
    const inputs = { parameter: p, gradient: g, firstMoment: m, secondMoment: v };
    return tf.engine().runKernel(adamUpdateKernelName, inputs, { ...c }) as unknown as [tf.Tensor, tf.Tensor, tf.Tensor];
  }
  const m2 = tf.add(tf.mul(m, c.beta1), tf.mul(g, 1 - c.beta1));
  const v2 = tf.add(tf.mul(v, c.beta2), tf.mul(tf.square(g), 1 - c.beta2));
  return [tf.sub(p, tf.mul(tf.div(m2, tf.add(tf.sqrt(v2), c.epsilon)), c.stepSize)), m2, v2];
}

function zeroVariableLike(parameter: tf.Variable): tf.Variable {
  return tf.tidy(() => tf.variable(tf.zerosLike(parameter), false));
}
