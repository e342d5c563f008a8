import { describe, expect, test } from 'vitest';
import { type GaussianMixture2d, mixtureKl } from '../src/node';

const gaussian = (mean: [number, number], covariance: [[number, number], [number, number]]): GaussianMixture2d => [
  { weight: 1, mean, covariance },
];

describe('mixtureKl(q, p)', () => {
  test('matches the closed-form KL between two Gaussians', () => {
    const a = gaussian(
      [0.3, -0.2],
      [
        [1.2, 0.4],
        [0.4, 0.8],
      ],
    );
    const b = gaussian(
      [-0.5, 0.6],
      [
        [0.7, -0.1],
        [-0.1, 1.5],
      ],
    );
    // ½ [tr(Σb⁻¹Σa) + (μb−μa)ᵀΣb⁻¹(μb−μa) − 2 + ln(det Σb / det Σa)]
    const [[p, q], [, r]] = [
      [0.7, -0.1],
      [-0.1, 1.5],
    ];
    const det = p * r - q * q;
    const inv = [
      [r / det, -q / det],
      [-q / det, p / det],
    ] as const;
    const trace = inv[0][0] * 1.2 + 2 * inv[0][1] * 0.4 + inv[1][1] * 0.8;
    const d = [-0.8, 0.8];
    const quad = inv[0][0] * d[0]! ** 2 + 2 * inv[0][1] * d[0]! * d[1]! + inv[1][1] * d[1]! ** 2;
    const exact = 0.5 * (trace + quad - 2 + Math.log(det / (1.2 * 0.8 - 0.16)));
    expect(mixtureKl(a, b)).toBeCloseTo(exact, 10);
    expect(mixtureKl(a, a)).toBeCloseTo(0, 12);
  });
});
