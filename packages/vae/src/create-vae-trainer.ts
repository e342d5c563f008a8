import type * as tf from '@tensorflow/tfjs-core';
import { VaeModel } from './_vae-model';
import { VaeTrainerState } from './_vae-trainer';
import type { Vae } from './create-vae';
import { resolveVaeConfig, type VaeConfig } from './vae-config';
import type { VaeHistory, VaeStepResult } from './vae-history';

/**
 * A VAE with its Adam optimizer: the unit a training loop (or a benchmark) drives one batch at a time.
 */
export interface VaeTrainer {
  readonly vae: Vae;
  readonly config: VaeConfig;
  /** Steps taken so far (also after loading a checkpoint). */
  readonly stepCount: number;
  /** The steps and epoch averages trainVae recorded (trainer.step alone records nothing). */
  readonly history: VaeHistory;
  /** Steps per epoch of the data trainVae trained on (null before the first run); checkpoints keep it. */
  readonly stepsPerEpoch: number | null;
  /** Images of the data trainVae trained on (null before the first run, or from an older checkpoint); checkpoints keep it. */
  readonly imageCount: number | null;
  /**
   * One Adam step on the negative ELBO of `batch` ([rows, inputSize], pixels in [0, 1]), with
   * reparameterization noise seeded by (config.seed, stepCount). Synchronous: it reads the loss back.
   * Throws a VaeError (kind 'diverged'), leaving the weights untouched, when the loss is NaN or infinite.
   */
  step(batch: tf.Tensor2D): VaeStepResult;
  /** Frees the VAE and the optimizer state. */
  dispose(): void;
}

/**
 * Creates a VAE (see createVae) and an Adam optimizer for it.
 * @example
 * await initBackend('wasm');
 * const trainer = createVaeTrainer({ seed: 1 });
 * const { loss } = trainer.step(batch); // batch: tf.Tensor2D [128, 784]
 * trainer.dispose();
 */
export function createVaeTrainer(config: Partial<VaeConfig> = {}): VaeTrainer {
  return new VaeTrainerState(new VaeModel(resolveVaeConfig(config)));
}
