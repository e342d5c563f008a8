import type { GanEpochRecord, GanStepRecord } from '@dlkit/gan';

/** An epoch row as the demo writes it: the gan history's record, plus whether the epoch finished. */
export interface EpochRow extends GanEpochRecord {
  /** False for the epoch a Ctrl-C cut short (its averages cover the steps that ran). */
  complete: boolean;
}

function cell(value: number | boolean | undefined): string {
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '';
  return String(value);
}

/** losses.csv: one row per training step, full float precision, empty cells for non-finite values. */
export function stepsToCsv(steps: readonly GanStepRecord[]): string {
  const rows = steps.map((s) => [s.epoch, s.step, s.dLoss, s.gLoss, s.dReal, s.dFake].map(cell).join(','));
  return ['epoch,step,d_loss,g_loss,d_real,d_fake', ...rows].join('\n') + '\n';
}

/** epochs.csv: one row per epoch with mean losses and the quality metrics (stray ink and isolated pixels: per digit). */
export function epochsToCsv(epochs: readonly EpochRow[]): string {
  const rows = epochs.map((e) =>
    [e.epoch, e.steps, e.dLoss, e.gLoss, e.dReal, e.dFake, e.fid, e.mnistScore, e.strayInk, e.isolatedPixels, e.complete]
      .map(cell)
      .join(','),
  );
  return ['epoch,steps,d_loss,g_loss,d_real,d_fake,fid,mnist_score,stray_ink,isolated_pixels,complete', ...rows].join('\n') + '\n';
}
