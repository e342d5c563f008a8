import { describe, expect, test } from 'vitest';
import { defaultPosteriorTarget, mixtureLogDensity } from '../src/node';

const target = defaultPosteriorTarget;

describe('mixtureLogDensity(mixture, x, y)', () => {
  test('mixtureLogDensity integrates to 1', () => {
    let sum = 0;
    const h = 0.05;
    for (let x = -9; x <= 9; x += h) for (let y = -9; y <= 9; y += h) sum += Math.exp(mixtureLogDensity(target, x, y)) * h * h;
    expect(sum).toBeCloseTo(1, 6);
  });
});
