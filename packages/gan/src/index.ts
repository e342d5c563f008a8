export { bceWithLogits } from './bce-with-logits';
export type { GeneratorNormalization } from './_batch-normalization';
export { defaultGanConfig, type GanConfig, type GanModel, resolveGanConfig } from './gan-config';
export { GanError, type GanErrorKind } from './gan-error';
export { ganStepsPerEpoch } from './gan-steps-per-epoch';
export type {
  GanEpochEvent,
  GanEpochRecord,
  GanHistory,
  GanStepEvent,
  GanStepLosses,
  GanStepRecord,
  GanTrainEvent,
} from './gan-history';
export { discriminatorLoss, generatorLoss } from './gan-losses';
export type { GanSnapshot, GanSnapshotTensor } from './gan-snapshot';
export { createGanTrainer, type GanTrainer, type GenerateOptions, restoreGanTrainer } from './gan-trainer';
export { exportGenerator, type LayersModelArtifacts } from './export-generator';
export { decodeGanCheckpoint, encodeGanCheckpoint } from './gan-checkpoint-bytes';
export {
  type GanEpochEvaluator,
  type GanImages,
  type TrainGanOptions,
  trainGan,
} from './train-gan';
export { type FeatureStatistics, featureStatistics } from './feature-statistics';
export { frechetDistance } from './frechet-distance';
export { createGanMetrics, type GanMetrics, type GanMetricsOptions, type GanQuality } from './gan-metrics';
export { loadMnistClassifier, type MnistClassifier } from './mnist-classifier';
export { mnistScore } from './mnist-score';
export { isolatedPixels } from './isolated-pixels';
export { strayInk } from './stray-ink';
export { type SymmetricEigen, symmetricEigen } from './symmetric-eigen';
export type { CheckpointWritten as GanCheckpointEvent, TrainingEnd as GanEndEvent } from '@dlkit/training';
