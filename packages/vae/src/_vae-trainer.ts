import * as tf from '@tensorflow/tfjs-core';
import { Adam } from '@dlkit/backend';
import { checkBatch } from './_check-batch';
import { deriveSeed } from '@dlkit/random';
import { randomStream } from './_random-stream';
import type { VaeModel } from './_vae-model';
import type { VaeConfig } from './vae-config';
import { VaeError } from './vae-error';
import type { VaeHistory, VaeStepResult } from './vae-history';

/** One VAE plus its Adam state and step count; the implementation behind createVaeTrainer. */
export class VaeTrainerState {
  readonly optimizer: Adam;
  stepCount = 0;
  /** Set by the first trainVae run, so that a resume with other data or batch size is caught. */
  stepsPerEpoch: number | null = null;
  /** Images of the data trainVae trains on, set with stepsPerEpoch: a resume on other data is refused. */
  imageCount: number | null = null;
  readonly history: VaeHistory = { steps: [], epochs: [] };
  private disposed = false;

  constructor(readonly vae: VaeModel) {
    this.optimizer = new Adam(vae.variables, { learningRate: vae.config.learningRate });
  }

  get config(): VaeConfig {
    return this.vae.config;
  }

  step(batch: tf.Tensor2D): VaeStepResult {
    if (this.disposed) throw new VaeError('step: this trainer has been disposed');
    checkBatch(batch, this.config.inputSize, 'batch', 'step');
    const seed = deriveSeed(this.config.seed, randomStream.stepNoise, this.stepCount);
    let reconstruction: tf.Scalar | undefined;
    let kl: tf.Scalar | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const terms = this.vae.lossTerms(batch, seed);
      reconstruction = tf.keep(terms.reconstruction);
      kl = tf.keep(terms.kl);
      return tf.add(terms.reconstruction, terms.kl) as tf.Scalar;
    }, this.vae.variables);
    const values = tf.tidy(() => tf.stack([value, reconstruction!, kl!]));
    const [loss, reconstructionValue, klValue] = values.dataSync() as Float32Array;
    tf.dispose([value, reconstruction!, kl!, values]);
    if (!Number.isFinite(loss)) {
      tf.dispose(grads);
      throw new VaeError(
        `step ${this.stepCount + 1}: the loss is not finite (loss ${loss}, reconstruction ${reconstructionValue}, KL ${klValue}); the weights were not updated`,
        { kind: 'diverged' },
      );
    }
    this.optimizer.apply(this.vae.variables.map((v) => grads[v.name]!));
    tf.dispose(grads);
    this.stepCount++;
    return { loss: loss!, reconstruction: reconstructionValue!, kl: klValue! };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.optimizer.dispose();
    this.vae.dispose();
  }
}
