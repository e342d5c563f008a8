import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { tempDir } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';
import { expectOneLineError, runCli, startCli } from './run-cli';

/** What the two training commands share, through runTrainingCommand, tested on each. */
const commands = [
  {
    name: 'gan',
    kind: 'GAN',
    // 96 digits in batches of 32: 3 steps per epoch.
    args: (out: string) => ['--limit', '96', '--batch-size', '32', '--out', out],
    command: 'pnpm demo',
    runDir: (out: string) => out,
    summary: 'losses.json',
    checkpoint: 'gan-checkpoint.bin',
    other: { kind: 'VAE', checkpoint: 'vae-checkpoint.json' },
    stepsPerEpoch: 3,
    steps: (run: { steps: unknown[] }) => run.steps.length,
  },
  {
    name: 'vae train',
    kind: 'VAE',
    // 256 digits in batches of 128: 2 steps per epoch.
    args: (out: string) => ['vae', 'train', '--limit', '256', '--out', out],
    command: 'pnpm demo vae train',
    runDir: (out: string) => join(out, 'vae'),
    summary: 'elbo.json',
    checkpoint: 'vae-checkpoint.json',
    other: { kind: 'GAN', checkpoint: 'gan-checkpoint.bin' },
    stepsPerEpoch: 2,
    steps: (run: { steps: number }) => run.steps,
  },
] as const;

const lockName = '.dlkit-run.lock';
const scratch = (name: string) => tempDir(`dlkit-demo-${name.replace(' ', '-')}-`);
// biome-ignore lint/suspicious/noExplicitAny: the two summaries differ; each test reads the fields both have.
const readSummary = (dir: string, name: string): any => JSON.parse(readFileSync(join(dir, name), 'utf8'));

describe.each(commands)('dlkit-demo $name: one run per folder', { timeout: 120_000 }, (c) => {
  test('a second run on a folder in use is refused with one line naming the running one; the first run goes on unharmed', async () => {
    const out = scratch(c.name);
    const dir = c.runDir(out);
    const first = startCli([...c.args(out), '--epochs', '1000']);
    await first.waitForStderr(/epoch 1\/1000 /);

    const busy = new RegExp(
      `is in use by another run \\(pid ${first.child.pid}, dlkit-demo .*--epochs 1000, since \\d\\d:\\d\\d:\\d\\d, \\d+s ago\\): `,
    );
    expectOneLineError(runCli([...c.args(out), '--epochs', '2']), busy);
    // Neither --resume nor --force gets past a running run.
    expectOneLineError(runCli([...c.args(out), '--epochs', '2', '--resume']), busy);
    expectOneLineError(runCli([...c.args(out), '--epochs', '2', '--force']), busy);
    expect(JSON.parse(readFileSync(join(dir, lockName), 'utf8'))).toMatchObject({ pid: first.child.pid, host: hostname() });

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(130);
    expect(first.stdout()).toMatch(/continue with: /);
    const run = readSummary(dir, c.summary);
    expect(run.status).toMatch(/^stopped by Ctrl-C at step \d+/);
    expect(c.steps(run)).toBeGreaterThanOrEqual(c.stepsPerEpoch);
    expect(run.epochs.filter((e: { complete?: boolean }) => e.complete !== false)).toHaveLength(Math.floor(c.steps(run) / c.stepsPerEpoch));
    expect(existsSync(join(dir, c.checkpoint))).toBe(true);
    expect(existsSync(join(dir, lockName))).toBe(false);
  });

  test('a stale lock, left by a run that no longer runs, is taken over with a note and removed at the end', () => {
    const out = scratch(c.name);
    const dir = c.runDir(out);
    mkdirSync(dir, { recursive: true });
    const pid = spawnSync(process.execPath, ['-e', '']).pid;
    const started = new Date(Date.now() - 60_000).toISOString();
    writeFileSync(join(dir, lockName), JSON.stringify({ pid, host: hostname(), command: `${c.command} --epochs 30`, started }));
    const result = runCli([...c.args(out), '--epochs', '1']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(
        `^note: took over \\S*\\.dlkit-run\\.lock from pid ${pid} \\(${c.command} --epochs 30, since .*\\), which is no longer running\\n`,
      ),
    );
    expect(existsSync(join(dir, lockName))).toBe(false);
  });

  test('a fresh run refuses a folder that holds a run, with one line that says what to type; --force starts over', () => {
    const out = scratch(c.name);
    const dir = c.runDir(out);
    expect(runCli([...c.args(out), '--epochs', '2', '--quiet']).status).toBe(0);
    const before = readFileSync(join(dir, c.summary), 'utf8');

    const again = runCli([...c.args(out), '--epochs', '1']);
    expectOneLineError(again, new RegExp(`already holds a ${c.kind} run of 2 epochs \\(${c.checkpoint.replace('.', '\\.')}\\): `));
    const limit = c.args(out)[c.args(out).indexOf('--limit') + 1];
    expect(again.stderr).toContain(`: to continue it, ${c.command} --resume --epochs 12 --limit ${limit} --out ${out}; `);
    expect(again.stderr).toContain('; to start over, add --force; to keep it, train in another folder with --out <dir>\n');
    // Asked for more epochs than the run has, the hint continues to them.
    expect(runCli([...c.args(out), '--epochs', '5']).stderr).toContain(`to continue it, ${c.command} --resume --epochs 5 `);
    expect(readFileSync(join(dir, c.summary), 'utf8')).toBe(before);
    expect(existsSync(join(dir, lockName))).toBe(false);

    const forced = runCli([...c.args(out), '--epochs', '1', '--force']);
    expect(forced.status).toBe(0);
    expect(forced.stderr).toContain(`replacing the run in ${dir}/ with a new one (--force)`);
    const run = readSummary(dir, c.summary);
    expect(c.steps(run)).toBe(c.stepsPerEpoch);
    expect(run.status).toBe('completed 1 epochs');
    // Nothing of the replaced run is left: the GAN's grid of epoch 2 is gone.
    expect(readdirSync(dir).filter((name) => name.startsWith('samples-epoch-'))).toEqual(c.kind === 'GAN' ? ['samples-epoch-001.png'] : []);

    expectOneLineError(runCli([...c.args(out), '--resume', '--force']), /option '--force' cannot be used with option '--resume'/);
  });

  test(`a folder that holds a ${c.other.kind} run is refused, even with --force`, () => {
    const out = scratch(c.name);
    const dir = c.runDir(out);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, c.other.checkpoint), 'a checkpoint');
    for (const flags of [[], ['--force']]) {
      expectOneLineError(
        runCli([...c.args(out), ...flags]),
        new RegExp(
          `holds a ${c.other.kind} run \\(${c.other.checkpoint.replace('.', '\\.')}\\): a ${c.kind} run there would mix their files`,
        ),
      );
    }
    expect(readdirSync(dir)).toEqual([c.other.checkpoint]);
  });

  test('a second Ctrl-C quits at once and still leaves no lock behind', async () => {
    const out = scratch(c.name);
    const running = startCli([...c.args(out), '--epochs', '1000']);
    await running.waitForStderr(/epoch 1\/1000 /);
    // Two different signals: two SIGINTs sent at once may arrive as one.
    running.child.kill('SIGINT');
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(130);
    expect(running.stderr()).toContain('stopped immediately');
    expect(existsSync(join(c.runDir(out), lockName))).toBe(false);
  });
});
