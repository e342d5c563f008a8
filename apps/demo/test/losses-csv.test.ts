import { describe, expect, test } from 'vitest';
import { epochsToCsv, stepsToCsv } from '../src/gan/losses-csv';

describe('losses-csv', () => {
  test('stepsToCsv(steps) writes a header and one full-precision row per step, empty cells for NaN', () => {
    const csv = stepsToCsv([
      { epoch: 1, step: 1, dLoss: 1.3862943611198906, gLoss: 0.5, dReal: 0.5, dFake: 0.25 },
      { epoch: 1, step: 2, dLoss: Number.NaN, gLoss: 0.75, dReal: 0.5, dFake: 0.5 },
    ]);
    expect(csv).toBe('epoch,step,d_loss,g_loss,d_real,d_fake\n1,1,1.3862943611198906,0.5,0.5,0.25\n1,2,,0.75,0.5,0.5\n');
  });

  test('epochsToCsv(epochs) leaves unmeasured metrics empty', () => {
    const csv = epochsToCsv([
      {
        epoch: 1,
        steps: 10,
        dLoss: 1,
        gLoss: 2,
        dReal: 0.6,
        dFake: 0.4,
        fid: 12.5,
        mnistScore: 3.25,
        strayInk: 8.125,
        isolatedPixels: 0.25,
        complete: true,
      },
      { epoch: 2, steps: 4, dLoss: 1, gLoss: 2, dReal: 0.6, dFake: 0.4, complete: false },
    ]);
    expect(csv.split('\n')).toEqual([
      'epoch,steps,d_loss,g_loss,d_real,d_fake,fid,mnist_score,stray_ink,isolated_pixels,complete',
      '1,10,1,2,0.6,0.4,12.5,3.25,8.125,0.25,true',
      '2,4,1,2,0.6,0.4,,,,,false',
      '',
    ]);
  });
});
