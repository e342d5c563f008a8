export { bceWithLogits } from './bce-with-logits';
export { defaultGanConfig, type GanConfig, type GanModel, resolveGanConfig } from './gan-config';
export { GanError, type GanErrorKind } from './gan-error';
export type { GanEpochRecord, GanHistory, GanStepLosses, GanStepRecord } from './gan-history';
export { discriminatorLoss, generatorLoss } from './gan-losses';
export type { GanSnapshot, GanSnapshotTensor } from './gan-snapshot';
export { createGanTrainer, type GanTrainer, type GenerateOptions, restoreGanTrainer } from './gan-trainer';
export { checkpointFile, decodeGanCheckpoint, encodeGanCheckpoint, loadGanCheckpoint, saveGanCheckpoint } from './gan-checkpoint';
export {
  type GanCheckpointEvent,
  type GanEndEvent,
  type GanEpochEvaluator,
  type GanEpochEvent,
  type GanImages,
  type GanStepEvent,
  type GanTrainEvent,
  type TrainGanOptions,
  trainGan,
} from './train-gan';
