import type { GanStepRecord } from '@dlkit/gan';
import type { EpochRow } from './losses-csv';

const fmt = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : 'NaN');

/** What the progress view shows of a GAN step: the discriminator's and the generator's loss, each with its sparkline. */
export function ganStepLosses(r: GanStepRecord): readonly (readonly [string, number])[] {
  return [
    ['D', r.dLoss],
    ['G', r.gLoss],
  ];
}

/** One GAN epoch in one line: mean losses, D's outputs, and FID, MNIST score, stray ink and isolated pixels when measured. */
export function describeGanEpoch(e: EpochRow, epochs: number): string {
  const parts = [
    `epoch ${e.epoch}/${epochs}${e.complete ? '' : ' (stopped early)'}`,
    `D ${fmt(e.dLoss, 3)}`,
    `G ${fmt(e.gLoss, 3)}`,
    `D(x) ${fmt(e.dReal, 2)}`,
    `D(G(z)) ${fmt(e.dFake, 2)}`,
  ];
  if (e.fid !== undefined) parts.push(`FID ${fmt(e.fid, 1)}`);
  if (e.mnistScore !== undefined) parts.push(`MNIST score ${fmt(e.mnistScore, 2)}`);
  if (e.strayInk !== undefined) parts.push(`stray ink ${fmt(e.strayInk, 1)}`);
  if (e.isolatedPixels !== undefined) parts.push(`isolated pixels ${fmt(e.isolatedPixels, 3)}`);
  return parts.join('  ');
}
