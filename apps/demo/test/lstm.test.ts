import { describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

describe('dlkit-demo lstm', () => {
  test('lstm prints the corrected formulas and a passing gradient check', () => {
    const result = runCli(['lstm', '--seed', '7']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('δi_t = δc_t ⊙ g_t');
    expect(result.stdout).toContain('✗ the seed wrote: δi_t = δh_t ⊙ g_t');
    expect(result.stdout).toMatch(/^W\s+160\s+\S+\s+\S+\s+yes$/m);
    expect(result.stdout).toContain('Every gradient agrees');
  });
});
