import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedTempDir } from '@dlkit/test-utils';
import { beforeAll, describe, expect, test } from 'vitest';
import { CliError } from '../src/cli-error';
import { prepareOutputFolder } from '../src/output/prepare-output-folder';

const scratch = sharedTempDir('dlkit-demo-prepare-');
const aFile = join(scratch, 'a-file');
beforeAll(() => writeFileSync(aFile, 'not a folder'));

/** The CliError prepareOutputFolder(path) throws, or a failure when it throws none. */
function refusal(path: string): CliError {
  try {
    prepareOutputFolder(path);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return error as CliError;
  }
  throw new Error(`prepareOutputFolder(${path}) did not refuse`);
}

describe('prepareOutputFolder(path)', () => {
  test('makes every missing folder, leaves nothing behind, and returns the absolute path', () => {
    const dir = join(scratch, 'a', 'b', 'c');
    expect(prepareOutputFolder(dir)).toBe(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    // A folder that exists already is fine.
    expect(prepareOutputFolder(dir)).toBe(dir);
  });

  test('a path under /proc, whose parent refuses new folders, is one clear error at once, not an endless loop', () => {
    const started = performance.now();
    const error = refusal('/proc/dlkit-demo-test/out');
    expect(error.message).toMatch(/^cannot write to output folder \/proc\/dlkit-demo-test\/out: .+ \(choose another with --out <dir>\)$/);
    if (existsSync('/proc/self')) expect(error.message).toContain('/proc does not accept new folders');
    expect(error.exitCode).toBe(1);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('a file in the way, or a file where a parent folder should be, is named', () => {
    expect(refusal(aFile).message).toContain(`${aFile}: a file with that name is in the way`);
    expect(refusal(join(aFile, 'out', 'deeper')).message).toContain(`: ${aFile} is a file, not a folder`);
  });
});
