/** One training step as the demo records it (the gan trainer's per-step report). */
export interface StepRecord {
  epoch: number;
  step: number;
  dLoss: number;
  gLoss: number;
  dReal: number;
  dFake: number;
}

/** One finished (or interrupted) epoch: mean losses plus the quality metrics measured after it. */
export interface EpochRecord {
  epoch: number;
  /** Steps in this epoch that ran. */
  steps: number;
  dLoss: number;
  gLoss: number;
  dReal: number;
  dFake: number;
  /** Classifier-feature Fréchet distance to real digits (lower is better); absent if not measured. */
  fid?: number;
  /** MNIST score, the Inception-score analogue (1–10, higher is better); absent if not measured. */
  mnistScore?: number;
  /** False when the run stopped (Ctrl-C) before the epoch ended. */
  complete: boolean;
}

/** Everything losses.json holds. */
export interface LossHistory {
  steps: StepRecord[];
  epochs: EpochRecord[];
}
