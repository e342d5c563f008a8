/** What one training step reports: the negative ELBO of the batch and its two terms, in nats per digit. */
export interface VaeStepResult {
  /** −ELBO = reconstruction + KL. */
  loss: number;
  /** −E_q[log p(x|z)], one reparameterized sample. */
  reconstruction: number;
  /** KL(q(z|x) ‖ N(0, I)), analytic. */
  kl: number;
}

/** A step in the history (`step` counts from 0 over the whole run, resumes included). */
export interface VaeStepRecord extends VaeStepResult {
  step: number;
}

/** Per-epoch averages; test values are present when trainVae was given test data. */
export interface VaeEpochRecord {
  /** 1-based. */
  epoch: number;
  /** Steps in this epoch. */
  steps: number;
  trainLoss: number;
  trainReconstruction: number;
  trainKl: number;
  testLoss?: number;
  testReconstruction?: number;
  testKl?: number;
  /** Wall-clock seconds of the epoch's training steps (not evaluation). */
  seconds: number;
  samplesPerSecond: number;
}

/** Everything a trainer has reported; it travels with checkpoints. */
export interface VaeHistory {
  steps: VaeStepRecord[];
  epochs: VaeEpochRecord[];
}
