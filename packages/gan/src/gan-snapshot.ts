import type { GanConfig } from './gan-config';
import type { GanHistory } from './gan-history';

/** One tensor of a snapshot: its stable name, shape and float32 values. */
export interface GanSnapshotTensor {
  name: string;
  shape: number[];
  values: Float32Array;
}

/**
 * A trainer's whole state in plain data: config, weights, Adam moments and step counts, history.
 * `restoreGanTrainer(snapshot)` rebuilds an identical trainer; checkpoints are snapshots on disk.
 */
export interface GanSnapshot {
  config: GanConfig;
  /** Training steps done. */
  step: number;
  /** Steps per epoch of the data this run trains on (null until trainGan has seen the data). */
  stepsPerEpoch: number | null;
  /**
   * Images of the data this run trains on (null until trainGan has seen the data; absent from snapshots
   * made before it was kept): a resume on other data is refused.
   */
  imageCount?: number | null;
  history: GanHistory;
  /** Generator and discriminator parameters, then Adam's moments ('optimizer/<param>/m' and '/v'). */
  tensors: GanSnapshotTensor[];
}
