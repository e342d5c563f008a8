export { bernoulliLogLikelihood } from './bernoulli-log-likelihood';
export { createVae, type Vae } from './create-vae';
export { createVaeTrainer, type VaeTrainer } from './create-vae-trainer';
export { type EvaluateVaeOptions, evaluateVae, type VaeEvaluation } from './evaluate-vae';
export { type ExportVaeDecoderOptions, exportVaeDecoder, type LayersModelArtifacts } from './export-vae-decoder';
export { gaussianKl } from './gaussian-kl';
export {
  type TrainVaeOptions,
  trainVae,
} from './train-vae';
export { decodeVaeCheckpoint, encodeVaeCheckpoint } from './vae-checkpoint-bytes';
export { defaultVaeConfig, resolveVaeConfig, type VaeConfig } from './vae-config';
export type { VaeDataset } from './vae-dataset';
export { VaeError, type VaeErrorKind } from './vae-error';
export { vaeStepsPerEpoch } from './vae-steps-per-epoch';
export type {
  VaeEpochEvent,
  VaeEpochRecord,
  VaeHistory,
  VaeStepEvent,
  VaeStepRecord,
  VaeStepResult,
  VaeTrainEvent,
} from './vae-history';
export {
  type FitPosteriorOptions,
  type FittedPosterior,
  fitPosterior,
  type PosteriorFamily,
  type PosteriorInit,
  type PosteriorObjective,
} from './posterior-lab/fit-posterior';
export {
  defaultPosteriorTarget,
  type GaussianComponent2d,
  type GaussianMixture2d,
  mixtureLogDensity,
} from './posterior-lab/gaussian-mixture-2d';
export { mixtureKl } from './posterior-lab/mixture-kl';
export {
  type PosteriorLab,
  type PosteriorLabCase,
  type PosteriorLabDensity,
  type PosteriorLabFigure,
  type PosteriorLabOptions,
  posteriorLabCases,
  runPosteriorLab,
} from './posterior-lab/run-posterior-lab';
export type { CheckpointWritten as VaeCheckpointEvent, TrainingEnd as VaeEndEvent } from '@dlkit/training';
