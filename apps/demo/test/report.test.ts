import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

describe('dlkit-demo report', { timeout: 120_000 }, () => {
  test('report writes one self-contained page with every section of the assignment, numbers computed live', () => {
    const out = tempDir('dlkit-demo-report-');
    expect(runCli(['--limit', '96', '--batch-size', '32', '--epochs', '1', '--out', out, '--quiet'], { timeout: 120_000 }).status).toBe(0);
    const result = runCli(['report', '--out', out], { timeout: 120_000 });
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/assignment\.html/);
    const html = readFileSync(join(out, 'assignment.html'), 'utf8');
    expect(html.toLowerCase()).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    for (const section of [
      'Q1.1 — Convolution with padding 1 and stride 2',
      'Q1.2 — Output size',
      'Q1.3 — LeNet-5, first layer',
      'Q1.4 — Fewer parameters in the first layer',
      'Q2 — LSTM: the model',
      'Q2 — Backpropagation through time, corrected',
      'Q2 — Gradient check',
      'Q3 —',
      'Q4 — Generator and discriminator loss',
      'Q4 — Samples from one fixed noise batch',
      'Q4 — Quality per epoch',
    ]) {
      expect(html).toContain(`<h2>${section}`);
    }
    // The seed's answers, as the packages compute them.
    expect(html).toContain('O[1][1] = 6·4 + 7·2 + 10·5 + 11·1 = 99');
    expect(html).toMatch(/19 99 92/);
    expect(html).toContain('answer key differs in one cell: O[0][1] is 13, where the key prints 15');
    expect(html).toContain('output 6×28×28 and 156 parameters');
    expect(html).toContain('has 85 parameters instead of 156, output 5×15×15');
    expect(html).toContain('δc_t = δh_t ⊙ o_t ⊙ (1 − tanh²(c_t)) + δc_{t+1} ⊙ f_{t+1}');
    expect(html).toContain('Every gradient passes');
    // Q4 names the model that made its figures, and that its samples come from the weight average.
    expect(html).toMatch(
      /They were made by the (class-conditional )?(MLP GAN|DCGAN)( \(batch-normalized generator(, discriminator 784-512-256-1)?\))? with an EMA generator \(β 0\.\d+\)( and top-k training \(0\.\d+\))? \(not the assignment(&#39;|')s reference MLP GAN/,
    );
    expect(html).toContain('<svg');
    expect(html).toContain('data:image/png;base64,');
    // The default GAN is class-conditional: the report says so, and how its grids are laid out.
    expect(html).toMatch(/class-conditional \(cGAN\): each digit(&#39;|')s label goes into both networks/);
    expect(html).toContain('the same 80 noise vectors every epoch (each row the digits 0 to 9)');
    // Its discriminator trains without dropout, its generator on the discriminator's fakes: the run table says both.
    expect(html).toMatch(/→ 1 \+ projection of the label \(dropout 0\)/);
    expect(html).toMatch(/on the fakes the discriminator(&#39;|')s step has just trained on/);
  });
});
