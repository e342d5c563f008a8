import { describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

describe('dlkit-demo conv', () => {
  test('conv prints the worked solution of Q1', () => {
    const result = runCli(['conv']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('O[1][1] = 6·4 + 7·2 + 10·5 + 11·1 = 99');
    expect(result.stdout).toMatch(/C1 \(conv2d\)\s+6×28×28\s+156/);
    expect(result.stdout).toMatch(/5 filters of 4×4, stride 2\s+85\s+5×15×15/);
  });
});
