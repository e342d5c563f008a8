import type { GanHistory } from '@dlkit/gan';
import type { EpochRow } from './losses-csv';

/**
 * The history's finished epochs, plus a row for an epoch that Ctrl-C cut short (marked incomplete),
 * so epochs.csv and the report show every step that ran.
 */
export function epochRows(history: GanHistory): EpochRow[] {
  const rows: EpochRow[] = history.epochs.map((e) => ({ ...e, complete: true }));
  const finished = new Set(history.epochs.map((e) => e.epoch));
  const tail = history.steps.filter((s) => !finished.has(s.epoch));
  if (tail.length > 0) {
    const mean = (key: 'dLoss' | 'gLoss' | 'dReal' | 'dFake') => tail.reduce((sum, s) => sum + s[key], 0) / tail.length;
    rows.push({
      epoch: tail[0]!.epoch,
      steps: tail.length,
      dLoss: mean('dLoss'),
      gLoss: mean('gLoss'),
      dReal: mean('dReal'),
      dFake: mean('dFake'),
      complete: false,
    });
  }
  return rows;
}
