import type { BackendInfo, BackendPreference } from '@dlkit/backend';
import type { GanConfig, GanEpochRecord, GanQuality, GanStepRecord } from '@dlkit/gan';
import type { GanVariant } from '../../src/gan/gan-variants';
import type { VaeConfig, VaeEpochRecord, VaeStepRecord } from '@dlkit/vae';

/** What the page trains: the GAN tab or the VAE tab. */
export type ModelKind = 'gan' | 'vae';

/** A run's settings as the page's form gives them, checked (see readSettings). */
export interface RunSettings {
  kind: ModelKind;
  backend: BackendPreference;
  /** GAN only: the demo's name of the GAN (the CLI's --model). */
  model: GanVariant;
  /** Epochs in all (a resumed run counts the ones it has). */
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Training digits: the first n of the embedded 8,000 (the CLI's --limit). */
  digits: number;
}

/** The page's requests to the training worker. */
export type ToWorker =
  | { type: 'start'; settings: RunSettings; checkpoint?: Uint8Array }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'save-checkpoint' }
  | { type: 'export-model' };

export type StepRecord = GanStepRecord | VaeStepRecord;
export type EpochRecord = GanEpochRecord | VaeEpochRecord;

/** What the worker reports; the page only shows it. */
export type FromWorker =
  | { type: 'status'; text: string }
  /** Worth knowing, not an error: shown under the backend's report. */
  | { type: 'note'; text: string }
  | { type: 'backend'; info: BackendInfo; text: string }
  | {
      type: 'plan';
      config: GanConfig | VaeConfig;
      /** The model in words: 'MLP GAN', 'VAE 784-400-20'. */
      model: string;
      stepsPerEpoch: number;
      epochs: number;
      /** Steps already done (a resumed run), whose history comes along. */
      startStep: number;
      steps: StepRecord[];
      epochRecords: EpochRecord[];
      /** The metrics of real training digits (GAN): what a perfect generator reaches. */
      realDigits?: GanQuality;
    }
  | { type: 'step'; record: StepRecord; samplesPerSecond: number }
  | { type: 'epoch'; record: EpochRecord; grid: Uint8Array }
  | { type: 'paused' }
  | { type: 'resumed' }
  | { type: 'end'; reason: 'completed' | 'aborted' | 'max-steps'; step: number; epoch: number }
  | { type: 'checkpoint'; bytes: Uint8Array; name: string }
  | { type: 'model'; modelJson: string; weights: ArrayBuffer }
  | { type: 'error'; message: string };

/** The file names the CLI gives each model's checkpoint (apps/demo/src/training/checkpoint-names.ts). */
export { checkpointNames } from '../../src/training/checkpoint-names';
