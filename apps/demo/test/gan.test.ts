import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sharedTempDir, tempDir } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';
import { readCsv, readPng, readRun } from './read-outputs';
import { runCli, startCli } from './run-cli';

const out = sharedTempDir('dlkit-demo-run-');
// 96 digits in batches of 32: 3 steps per epoch, enough to exercise every file in seconds.
const tiny = ['--limit', '96', '--batch-size', '32', '--out', out];

describe('dlkit-demo gan, end to end on a tiny budget', { timeout: 120_000 }, () => {
  test('writes every output, each one parsing as its format', () => {
    const result = runCli([...tiny, '--epochs', '1'], { timeout: 120_000 });
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('report.html');
    expect(result.stderr).toMatch(/epoch 1\/1 .*FID .*MNIST score/);

    const steps = readCsv(join(out, 'losses.csv'));
    expect(steps.header).toEqual(['epoch', 'step', 'd_loss', 'g_loss', 'd_real', 'd_fake']);
    expect(steps.rows.map((row) => Number(row[1]))).toEqual([1, 2, 3]);
    for (const row of steps.rows) for (const cell of row) expect(Number.isFinite(Number(cell))).toBe(true);

    const epochs = readCsv(join(out, 'epochs.csv'));
    expect(epochs.header).toEqual([
      'epoch',
      'steps',
      'd_loss',
      'g_loss',
      'd_real',
      'd_fake',
      'fid',
      'mnist_score',
      'stray_ink',
      'isolated_pixels',
      'complete',
    ]);
    expect(epochs.rows).toHaveLength(1);
    expect(epochs.rows[0]![10]).toBe('true');
    // Stray ink and isolated pixels per digit, finite counts (the default DCGAN's first blobs are smooth: they may be near 0).
    for (const column of [8, 9]) {
      const count = Number(epochs.rows[0]![column]);
      expect(Number.isFinite(count) && count >= 0).toBe(true);
    }

    const run = readRun(out);
    expect(run.format).toBe('dlkit-demo-gan-run@1');
    expect(run.stepsPerEpoch).toBe(3);
    expect(run.steps).toHaveLength(3);
    expect(run.epochs).toHaveLength(1);
    const first = run.epochs[0]!;
    expect(first.fid).toBeGreaterThan(0);
    expect(first.mnistScore).toBeGreaterThanOrEqual(1);
    expect(first.mnistScore).toBeLessThanOrEqual(10);

    const svg = readFileSync(join(out, 'losses.svg'), 'utf8');
    expect(svg).toMatch(/<svg[\s>]/);
    expect(svg).toContain('generator');
    expect(svg).toContain('discriminator');
    expect(svg).toContain('epoch');
    expect(readPng(join(out, 'losses.png')).width).toBeGreaterThan(300);
    // The default GAN is class-conditional: 8 rows of the ten digits, 28 px at scale 2 with 2 px gaps:
    // 10·56 + 11·2 = 582 wide, 8·56 + 9·2 = 466 high.
    expect(readPng(join(out, 'samples-epoch-001.png'))).toEqual({ width: 582, height: 466 });
    expect(statSync(join(out, 'gan-checkpoint.bin')).size).toBeGreaterThan(1_000_000);

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.toLowerCase()).toMatch(/^<!doctype html>/);
    expect(html).toContain('</html>');
    expect(html).toContain('data:image/png;base64,');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain('Quality per epoch');
    // The default run samples from the generator's weight average, and its files say so.
    expect(run.config.emaDecay).toBeGreaterThan(0);
    expect(html).toContain('drawn by the EMA generator');
    expect(result.stdout).toContain("drawn by the EMA of G's weights");
    // G learns from every fake, as the reference does.
    expect(run.config.generatorTopFraction).toBe(1);
    expect(html).not.toContain('top-k training');
  });

  test('--top-k trains G on its best fakes only, and the run says so', () => {
    const topOut = tempDir('dlkit-demo-top-k-');
    const result = runCli(['--limit', '96', '--batch-size', '32', '--epochs', '1', '--top-k', '0.5', '--out', topOut]);
    expect(result.status).toBe(0);
    expect(readRun(topOut).config.generatorTopFraction).toBe(0.5);
    expect(result.stderr).toMatch(/with an EMA generator \(β 0\.995\) and top-k training \(0\.5\)/);
    const html = readFileSync(join(topOut, 'report.html'), 'utf8');
    expect(html).toContain('over the 0.5 of each batch&#39;s fakes that D rates most real (top-k training');
    const resumed = runCli(['--limit', '96', '--batch-size', '32', '--epochs', '2', '--resume', '--top-k', '1', '--out', topOut]);
    expect(resumed.status).not.toBe(0);
    expect(resumed.stderr).toMatch(/cannot resume with --top-k 1 \(the run uses 0\.5\)/);
  });

  test('--resume continues the step count and the loss curve', () => {
    const before = readRun(out);
    const result = runCli([...tiny, '--epochs', '2', '--resume'], { timeout: 120_000 });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/resuming at step 3/);
    const after = readRun(out);
    expect(after.steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(after.steps.slice(0, 3)).toEqual(before.steps);
    expect(after.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(readCsv(join(out, 'losses.csv')).rows).toHaveLength(6);
    expect(existsSync(join(out, 'samples-epoch-002.png'))).toBe(true);
  });

  test('--resume ends with the checkpoint of an uninterrupted run, byte for byte: weights, Adam, the EMA, history', () => {
    const straight = tempDir('dlkit-demo-straight-');
    expect(
      runCli(['--limit', '96', '--batch-size', '32', '--epochs', '2', '--out', straight, '--quiet'], { timeout: 120_000 }).status,
    ).toBe(0);
    expect(readFileSync(join(straight, 'gan-checkpoint.bin')).equals(readFileSync(join(out, 'gan-checkpoint.bin')))).toBe(true);
  });

  test('--resume refuses a flag that disagrees with the run', () => {
    const result = runCli(['--limit', '96', '--batch-size', '16', '--epochs', '3', '--resume', '--out', out]);
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/cannot resume with --batch-size 16 \(the run uses 32\)/);
    // 100 digits also make 3 steps of 32 per epoch, but other batches: not the run it continues.
    const digits = runCli(['--limit', '100', '--batch-size', '32', '--epochs', '3', '--resume', '--out', out]);
    expect(digits.status).not.toBe(0);
    expect(digits.stderr.trim().split('\n')).toHaveLength(1);
    expect(digits.stderr).toMatch(
      /cannot resume: the run in .* trained on 96 digits, --data\/--limit now give 100; use the data the run started with/,
    );
    const ema = runCli([...tiny, '--epochs', '3', '--resume', '--ema', '0']);
    expect(ema.status).not.toBe(0);
    expect(ema.stderr).toMatch(/cannot resume with --ema 0 \(the run uses 0\.\d+\)/);
    // The default model differs from mlp-bn only in its discriminator's widths; still another model.
    const model = runCli([...tiny, '--epochs', '3', '--resume', '--model', 'mlp-bn']);
    expect(model.status).not.toBe(0);
    expect(model.stderr).toMatch(/cannot resume with --model mlp-bn \(the run is cdcgan-bn\)/);
  });

  test('Ctrl-C stops after the current step, leaves valid files, and --resume goes on from there', async () => {
    const stopOut = tempDir('dlkit-demo-stop-');
    const running = startCli(['--limit', '96', '--batch-size', '32', '--epochs', '1000', '--out', stopOut]);
    // After the first finished epoch the run is well under way.
    await running.waitForStderr(/epoch 1\/1000 /);
    running.child.kill('SIGINT');
    const code = await running.exited;
    const stdout = running.stdout();
    expect(code).toBe(130);
    expect(stdout).toMatch(/continue with: pnpm demo --resume/);
    const run = readRun(stopOut);
    expect(run.status).toMatch(/stopped by Ctrl-C/);
    const stoppedAt = run.steps.length;
    expect(stoppedAt).toBeGreaterThanOrEqual(3);
    expect(run.steps.map((s) => s.step)).toEqual(Array.from({ length: stoppedAt }, (_, i) => i + 1));
    readPng(join(stopOut, 'losses.png'));
    expect(readCsv(join(stopOut, 'losses.csv')).rows).toHaveLength(stoppedAt);

    const resumed = runCli(
      ['--limit', '96', '--batch-size', '32', '--epochs', String(Math.floor(stoppedAt / 3) + 2), '--resume', '--out', stopOut],
      {
        timeout: 120_000,
      },
    );
    expect(resumed.status).toBe(0);
    const after = readRun(stopOut);
    expect(after.steps.slice(0, stoppedAt)).toEqual(run.steps);
    expect(after.steps.length).toBe((Math.floor(stoppedAt / 3) + 2) * 3);
  });
});
