export { activationLayer } from './activation-layer';
export { batchNormalizationLayer } from './batch-normalization-layer';
export { checkpointOptions } from './checkpoint-options';
export type { CheckpointSink } from './checkpoint-sink';
export { conv2dTransposeLayer } from './conv2d-transpose-layer';
export { denseLayer } from './dense-layer';
export type { KerasActivation, KerasInitializer, KerasLayer, KerasSequential } from './keras-config';
export { glorotUniform, onesInitializer, varianceScaling, zerosInitializer } from './keras-initializers';
export { type LayersModelArtifacts, layersModelArtifacts } from './layers-model-artifacts';
export { leakyReluLayer } from './leaky-relu-layer';
export { reshapeLayer } from './reshape-layer';
export {
  type CheckpointWritten,
  type EpochDone,
  type EpochLoopOptions,
  type RunEpochsEvent,
  type RunEpochsOptions,
  runEpochs,
  type StepDue,
  type TrainerOptions,
  type TrainingEnd,
} from './run-epochs';
export { sequentialTopology } from './sequential-topology';
export { type EpochEvent, type StepEvent, type TrainingEvent, type TrainingSteps, trainingEvents } from './training-events';
