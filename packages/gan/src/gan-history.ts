import type { EpochEvent, StepEvent, TrainingEvent } from '@dlkit/training';

/** The four numbers one training step reports. */
export interface GanStepLosses {
  /** Discriminator loss (BCE over reals and fakes, averaged), before its update. */
  dLoss: number;
  /** Generator loss (non-saturating, −log D(G(z))), with the updated discriminator. */
  gLoss: number;
  /** Mean D(x) on the real batch: the discriminator's probability that reals are real. */
  dReal: number;
  /** Mean D(G(z)) on the fake batch, before the discriminator's update. */
  dFake: number;
}

/** One step in the history: its losses, its global step number (1-based) and its epoch (1-based). */
export interface GanStepRecord extends GanStepLosses {
  epoch: number;
  step: number;
}

/** A step as trainGan reports it: its record, where it stands in the epoch, and real images per second. */
export type GanStepEvent = StepEvent<GanStepRecord>;

/** Per-epoch averages of the step losses, plus the quality metrics when they were computed. */
export interface GanEpochRecord extends GanStepLosses {
  epoch: number;
  /** Steps in the epoch. */
  steps: number;
  /** Classifier-feature Fréchet distance between generated and real digits (lower is better). */
  fid?: number;
  /** MNIST score, the Inception-score analogue (1 to 10, higher is better). */
  mnistScore?: number;
  /** Speckle: mean pixels of ink per digit outside its largest blob (lower is better; real MNIST ≈ 0.2). */
  strayInk?: number;
  /** Single-pixel specks: mean bright pixels per digit with no ink around them (lower is better; real MNIST ≈ 0.002). */
  isolatedPixels?: number;
}

/** An epoch's end as trainGan reports it: the averages (and metrics) appended to the history. */
export type GanEpochEvent = EpochEvent<GanEpochRecord>;

/** Everything a run has reported so far; checkpoints carry it so a resumed run continues the curves. */
export interface GanHistory {
  steps: GanStepRecord[];
  epochs: GanEpochRecord[];
}

/** What trainGan yields: steps, epoch ends, checkpoints, and one final 'end'. */
export type GanTrainEvent = TrainingEvent<GanStepRecord, GanEpochRecord>;
