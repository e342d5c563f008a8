import { describe, expect, test } from 'vitest';
import { describeGanEpoch, ganStepLosses } from '../src/gan/gan-progress';

describe('gan-progress', () => {
  test('ganStepLosses(step) shows D and G, in that order', () => {
    expect(ganStepLosses({ epoch: 1, step: 2, dLoss: 1.25, gLoss: 0.75, dReal: 0.6, dFake: 0.4 })).toEqual([
      ['D', 1.25],
      ['G', 0.75],
    ]);
  });

  test('describeGanEpoch(row, epochs) adds FID, MNIST score, stray ink and isolated pixels only when measured, and marks a cut-short epoch', () => {
    const row = { epoch: 3, steps: 125, dLoss: 1.2345, gLoss: 0.9, dReal: 0.555, dFake: 0.444, complete: true };
    expect(describeGanEpoch({ ...row, fid: 13.54, mnistScore: 6.538 }, 24)).toBe(
      'epoch 3/24  D 1.234  G 0.900  D(x) 0.56  D(G(z)) 0.44  FID 13.5  MNIST score 6.54',
    );
    expect(describeGanEpoch({ ...row, fid: 13.54, mnistScore: 6.538, strayInk: 8.14 }, 24)).toBe(
      'epoch 3/24  D 1.234  G 0.900  D(x) 0.56  D(G(z)) 0.44  FID 13.5  MNIST score 6.54  stray ink 8.1',
    );
    expect(describeGanEpoch({ ...row, fid: 13.54, mnistScore: 6.538, strayInk: 8.14, isolatedPixels: 0.0425 }, 24)).toBe(
      'epoch 3/24  D 1.234  G 0.900  D(x) 0.56  D(G(z)) 0.44  FID 13.5  MNIST score 6.54  stray ink 8.1  isolated pixels 0.043',
    );
    expect(describeGanEpoch({ ...row, gLoss: Number.NaN, complete: false }, 24)).toBe(
      'epoch 3/24 (stopped early)  D 1.234  G NaN  D(x) 0.56  D(G(z)) 0.44',
    );
  });
});
