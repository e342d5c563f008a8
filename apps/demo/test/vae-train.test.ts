import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedTempDir, tempDir } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';
import { readCsv, readPng } from './read-outputs';
import { expectOneLineError, runCli, startCli } from './run-cli';

const out = sharedTempDir('dlkit-demo-vae-train-');
const dir = join(out, 'vae');
// 256 digits in batches of 128: 2 steps per epoch, enough to exercise every file in about a second.
const tiny = ['vae', 'train', '--limit', '256', '--out', out];

interface VaeRunJson {
  format: string;
  stepsPerEpoch: number;
  steps: number;
  status: string;
  seconds: number;
  testDigits: number;
  config: { batchSize: number; seed: number; latentSize: number; hiddenSizes: number[] };
  epochs: { epoch: number; steps: number; trainLoss: number; testLoss: number; testReconstruction: number; testKl: number }[];
}
const readVaeRun = (folder: string) => JSON.parse(readFileSync(join(folder, 'elbo.json'), 'utf8')) as VaeRunJson;

const expectRefused = (args: string[], message: RegExp) => expectOneLineError(runCli(args), message);

describe('dlkit-demo vae train, end to end on a tiny budget', { timeout: 60_000 }, () => {
  test('writes every output into <out>/vae/, each one parsing as its format', () => {
    const result = runCli([...tiny, '--epochs', '1']);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^done: 1 epoch, 2 steps in .*; test −ELBO \d+\.\d\d nats per digit/);
    expect(result.stdout).toContain('report.html');
    expect(result.stderr).toMatch(/epoch 1\/1 {2}train −ELBO [\d.]+ {2}test −ELBO [\d.]+ \(reconstruction [\d.]+ \+ KL [\d.]+\)/);

    const csv = readCsv(join(dir, 'elbo.csv'));
    expect(csv.header).toEqual([
      'epoch',
      'steps',
      'train_loss',
      'train_reconstruction',
      'train_kl',
      'test_loss',
      'test_reconstruction',
      'test_kl',
    ]);
    expect(csv.rows).toHaveLength(1);
    const row = csv.rows[0]!.map(Number);
    for (const cell of row) expect(Number.isFinite(cell)).toBe(true);
    expect(row.slice(0, 2)).toEqual([1, 2]);
    // −ELBO = reconstruction + KL, and an untrained-ish VAE is far worse than 121.9 nats but below 784·log 2.
    expect(row[5]!).toBeCloseTo(row[6]! + row[7]!, 6);
    expect(row[5]!).toBeGreaterThan(150);
    expect(row[5]!).toBeLessThan(784 * Math.LN2);

    const run = readVaeRun(dir);
    expect(run.format).toBe('dlkit-demo-vae-run@1');
    expect(run.config).toMatchObject({ batchSize: 128, seed: 0, latentSize: 20, hiddenSizes: [400] });
    expect(run).toMatchObject({ stepsPerEpoch: 2, steps: 2, testDigits: 2000, status: 'completed 1 epochs' });
    expect(run.epochs).toHaveLength(1);
    expect(run.epochs[0]!.testLoss).toBe(row[5]);

    const svg = readFileSync(join(dir, 'elbo.svg'), 'utf8');
    expect(svg).toMatch(/<svg[\s>]/);
    expect(svg).toContain('test −ELBO');
    expect(svg).toContain('epoch');
    expect(readPng(join(dir, 'elbo.png')).width).toBeGreaterThan(300);
    // 8 × 8 prior samples of 28 px at scale 2 with 2 px gaps: 8·56 + 9·2 = 466.
    expect(readPng(join(dir, 'samples.png'))).toEqual({ width: 466, height: 466 });
    // 16 test digits: 4 rows (originals, reconstructions, originals, reconstructions) of 8.
    expect(readPng(join(dir, 'reconstructions.png'))).toEqual({ width: 466, height: 4 * 56 + 5 * 2 });

    const checkpoint = JSON.parse(readFileSync(join(dir, 'vae-checkpoint.json'), 'utf8')) as { format: string };
    expect(checkpoint.format).toBe('dlkit-vae-checkpoint');

    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html.toLowerCase()).toMatch(/^<!doctype html>/);
    expect(html).toContain('</html>');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html.match(/data:image\/png;base64,/g)).toHaveLength(2);
    expect(html).toContain('Negative ELBO');
    expect(html).toContain('Samples and reconstructions');
  });

  test('--resume continues the step count and the −ELBO curve exactly as one uninterrupted run', () => {
    const before = readVaeRun(dir);
    const resumed = runCli([...tiny, '--epochs', '2', '--resume']);
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toMatch(/resuming at step 2 \(1 epoch done\)/);
    const after = readVaeRun(dir);
    expect(after.steps).toBe(4);
    expect(after.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(after.epochs[0]).toEqual(before.epochs[0]);
    // Training time counts both sessions.
    expect(after.seconds).toBeGreaterThan(before.seconds);
    expect(after.epochs[1]!.testLoss).toBeLessThan(after.epochs[0]!.testLoss);
    expect(readCsv(join(dir, 'elbo.csv')).rows).toHaveLength(2);

    const straightOut = tempDir('dlkit-demo-vae-straight-');
    const straight = runCli(['vae', 'train', '--limit', '256', '--epochs', '2', '--quiet', '--out', straightOut]);
    expect(straight.status).toBe(0);
    expect(straight.stderr).toBe('');
    expect(straight.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(readVaeRun(join(straightOut, 'vae')).epochs).toEqual(after.epochs);
  });

  test('Ctrl-C stops after the current step, leaves valid files, and --resume goes on from there', async () => {
    const stopOut = tempDir('dlkit-demo-vae-stop-');
    const stopDir = join(stopOut, 'vae');
    const running = startCli([...tiny.slice(0, 4), '--epochs', '1000', '--out', stopOut]);
    await running.waitForStderr(/epoch 1\/1000 /);
    running.child.kill('SIGINT');
    const code = await running.exited;
    const stdout = running.stdout();
    expect(code).toBe(130);
    expect(stdout).toMatch(/continue with: pnpm demo vae train --resume --epochs 1000 --limit 256/);
    const run = readVaeRun(stopDir);
    expect(run.status).toMatch(/stopped by Ctrl-C at step \d+/);
    expect(run.steps).toBeGreaterThanOrEqual(2);
    expect(run.epochs).toHaveLength(Math.floor(run.steps / 2));
    expect(existsSync(join(stopDir, 'vae-checkpoint.json'))).toBe(true);
    readPng(join(stopDir, 'elbo.png'));

    const target = Math.floor(run.steps / 2) + 1;
    const resumed = runCli([...tiny.slice(0, 4), '--epochs', String(target), '--resume', '--out', stopOut]);
    expect(resumed.status).toBe(0);
    const after = readVaeRun(stopDir);
    expect(after.steps).toBe(target * 2);
    expect(after.epochs.slice(0, run.epochs.length)).toEqual(run.epochs);
    expect(after.epochs).toHaveLength(target);
  });

  test('bad input: one line and a non-zero exit', () => {
    const scratch = tempDir('dlkit-demo-vae-errors-');
    const aFile = join(scratch, 'a-file');
    writeFileSync(aFile, 'not a folder');
    expectRefused(['vae', 'train', '--epoch', '2'], /unknown option '--epoch'.*Did you mean --epochs\?/);
    expectRefused(['vae', 'train', '--batch-size', '0'], /--batch-size 0: expected a whole number ≥ 1/);
    expectRefused(['vae', 'bogus'], /unknown command 'vae bogus' \(expected vae train or vae lab/);
    expectRefused(['vae', 'train', '--out', join(aFile, 'out')], /cannot write to output folder .*a-file/);
    expectRefused(['vae', 'train', '--out', '/proc/dlkit-demo-out'], /cannot write to output folder \/proc\/dlkit-demo-out\/vae: /);
    expectRefused(
      ['vae', 'train', '--resume', '--out', join(scratch, 'empty')],
      /nothing to resume in .*empty.vae: no vae-checkpoint\.json/,
    );
    expectRefused([...tiny, '--resume', '--batch-size', '64'], /cannot resume with --batch-size 64 \(the run uses 128\)/);
    expectRefused(
      [...tiny.slice(0, 3), '100', '--out', out, '--resume'],
      /cannot resume: the run in .* has 2 steps per epoch, --data\/--limit now give 1/,
    );
  });
});
