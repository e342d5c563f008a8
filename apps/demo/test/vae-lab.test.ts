import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

describe('dlkit-demo vae (lab)', { timeout: 120_000 }, () => {
  test('vae writes one figure per posterior-lab case and prints the answer', () => {
    const out = tempDir('dlkit-demo-vae-');
    const result = runCli(['vae', '--out', out], { timeout: 120_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('It cannot learn the bimodal shape');
    const files = readdirSync(join(out, 'posterior-lab'));
    expect(files.filter((f) => f.endsWith('.svg'))).toHaveLength(12);
    expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(12);
    expect(files).toContain('reverse-kl-diagonal-mode-a.png');
    const html = readFileSync(join(out, 'posterior-lab', 'index.html'), 'utf8');
    expect(html).toContain('<h2>Q3 — The fits');
  });
});
