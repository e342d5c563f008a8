/** What one training step reports: the negative ELBO of the batch and its two terms, in nats per digit. */
export interface VaeStepResult {
  /** −ELBO = reconstruction + KL. */
  loss: number;
  /** −E_q[log p(x|z)], one reparameterized sample. */
  reconstruction: number;
  /** KL(q(z|x) ‖ N(0, I)), analytic. */
  kl: number;
}

/** A step in the history: its global step number (1-based, resumes included) and its epoch (1-based). */
export interface VaeStepRecord extends VaeStepResult {
  epoch: number;
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
}

/** Everything a trainer has reported; it travels with checkpoints. */
export interface VaeHistory {
  steps: VaeStepRecord[];
  epochs: VaeEpochRecord[];
}
