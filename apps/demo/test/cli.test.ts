import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedTempDir, tempDir } from '@dlkit/test-utils';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectOneLineError, runCli, startCli } from './run-cli';

const scratch = sharedTempDir('dlkit-demo-errors-');
const aFile = join(scratch, 'a-file');
const emptyDir = join(scratch, 'empty-dir');
beforeAll(() => {
  mkdirSync(emptyDir);
  writeFileSync(aFile, 'not a folder');
});

/** Every bad invocation: one line on stderr naming the problem, a non-zero exit, no stack trace. */
describe('dlkit-demo bad input', () => {
  test.each([
    ['an unknown flag', ['--epoch', '3'], /unknown option '--epoch'.*Did you mean --epochs\?/],
    ['an unknown command', ['bogus'], /unknown command 'bogus'/],
    ['a non-numeric epoch count', ['--epochs', 'abc'], /--epochs abc: expected a whole number ≥ 1/],
    ['a zero batch size', ['--batch-size', '0'], /--batch-size 0: expected a whole number ≥ 1/],
    ['a fractional batch size', ['-b', '1.5'], /--batch-size 1.5: expected a whole number ≥ 1/],
    ['a negative seed', ['--seed', '-1'], /--seed -1: expected a whole number/],
    ['a learning rate out of range', ['--lr', '2'], /--lr 2: expected a number between 0 and 1/],
    ['an unknown backend', ['--backend', 'tpu'], /--backend tpu: expected one of auto, gpu, node, wasm, cpu/],
    [
      'an unknown model',
      ['--model', 'gpt'],
      /--model gpt: expected one of cmlp-bn-small-d, mlp-bn-small-d, mlp-bn, mlp, cdcgan-bn, dcgan-bn, dcgan/,
    ],
    ['an EMA β of 1', ['--ema', '1'], /--ema 1: expected a number in \[0, 1\), such as 0\.999/],
    ['a top-k fraction of 0', ['--top-k', '0'], /--top-k 0: expected a number in \(0, 1\], such as 0\.75/],
    ['a top-k fraction above 1', ['--top-k', '1.5'], /--top-k 1\.5: expected a number in \(0, 1\]/],
    ['a missing data folder', ['--data', join(scratch, 'no-such-folder')], /data folder .*no-such-folder does not exist/],
    ['a data path that is a file', ['--data', aFile], /is a file, not a folder/],
    ['a data folder without IDX files', ['--data', emptyDir, '--out', join(scratch, 'out-empty')], /missing train-images-idx3-ubyte/],
    [
      'fewer digits than one batch',
      ['--limit', '10', '--out', join(scratch, 'out-few')],
      /10 training digits are fewer than one batch of 64/,
    ],
    ['an unwritable output folder', ['--out', join(aFile, 'out'), '--epochs', '1'], /cannot write to output folder .*a-file\/out/],
    // Node's recursive mkdir loops forever on a parent that refuses new folders with ENOENT.
    [
      'an output folder that cannot be made',
      ['--out', '/proc/dlkit-demo-out', '--epochs', '1'],
      /cannot write to output folder \/proc\/dlkit-demo-out: /,
    ],
    ['a backend that cannot start', ['--backend', 'gpu', '--out', join(scratch, 'out-gpu')], /backend 'gpu' is not available: gpu: /],
    ['resume with nothing to resume', ['--resume', '--out', join(scratch, 'empty-out')], /nothing to resume in .*empty-out/],
    ['report with an unwritable output folder', ['report', '--out', join(aFile, 'out')], /cannot write to output folder/],
  ])('%s', (_name, args, message) => {
    expectOneLineError(runCli(args), message);
  });
});

describe('dlkit-demo: a reader that goes away', { timeout: 120_000 }, () => {
  test('(`pnpm demo 2>&1 | head -1`) ends the run as SIGPIPE would, leaving valid files and no lock', async () => {
    const out = tempDir('dlkit-demo-epipe-');
    const running = startCli(['--limit', '96', '--batch-size', '32', '--out', out, '--epochs', '1000']);
    await running.waitForStderr(/epoch 1\/1000 /);
    running.child.stderr.destroy();
    running.child.stdout.destroy();
    expect(await running.exited).toBe(141);
    expect(existsSync(join(out, '.dlkit-run.lock'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'losses.json'), 'utf8')).status).toMatch(/^epoch \d+ of 1000 done$/);
  });
});
