import type { EpochEvent, StepEvent, TrainingEvent } from '@dlkit/training';

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

/** A step as trainVae reports it: its record, where it stands in the epoch, and images per second. */
export type VaeStepEvent = StepEvent<VaeStepRecord>;

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

/** An epoch's end as trainVae reports it: the averages (and test numbers) appended to the history. */
export type VaeEpochEvent = EpochEvent<VaeEpochRecord>;

/** Everything a trainer has reported; it travels with checkpoints. */
export interface VaeHistory {
  steps: VaeStepRecord[];
  epochs: VaeEpochRecord[];
}

/** What trainVae yields: steps, epoch ends, checkpoints, and one final 'end'. */
export type VaeTrainEvent = TrainingEvent<VaeStepRecord, VaeEpochRecord>;
