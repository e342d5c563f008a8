import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { sharedTempDir, tempDir } from '../src/index';

// Each folder is checked in a later test: vitest runs a file's tests in order, one at a time.
const folders: Record<'passed' | 'failed' | 'beforeEach' | 'shared', string> = {
  passed: '',
  failed: '',
  beforeEach: '',
  shared: '',
};

/** Fills a folder as tests do: nested folders, and files a child process writes. */
function fill(dir: string): void {
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'nested', 'deeper', 'file.txt'), 'x');
  execFileSync(process.execPath, ['-e', `require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'child.txt'))}, 'y')`]);
}

const outsideTest = (() => {
  try {
    return tempDir('dlkit-temp-dir-outside-');
  } catch (error) {
    return error;
  }
})();

describe('tempDir(prefix)', () => {
  test('is a new empty folder in the system temporary folder, named by the prefix, during the test', () => {
    const dir = (folders.passed = tempDir('dlkit-temp-dir-'));
    expect(dirname(dir)).toBe(tmpdir());
    expect(basename(dir)).toMatch(/^dlkit-temp-dir-.+/);
    expect(readdirSync(dir)).toEqual([]);
    expect(tempDir('dlkit-temp-dir-')).not.toBe(dir);
    fill(dir);
    expect(readdirSync(dir).sort()).toEqual(['child.txt', 'nested']);
  });

  test.fails('(this test throws on purpose; the next test checks its folder is gone)', () => {
    folders.failed = tempDir('dlkit-temp-dir-failed-');
    fill(folders.failed);
    throw new Error('the test body throws');
  });

  test('is removed with everything in it when its test finishes, passed or failed', () => {
    expect(folders.passed).not.toBe('');
    expect(folders.failed).not.toBe('');
    expect(existsSync(folders.passed)).toBe(false);
    expect(existsSync(folders.failed)).toBe(false);
  });

  test('goes in the parent folder given', () => {
    const parent = tempDir('dlkit-temp-dir-parent-');
    const dir = tempDir('child-', parent);
    expect(dirname(dir)).toBe(parent);
    expect(basename(dir)).toMatch(/^child-.+/);
  });

  test('outside a test, it throws and creates nothing; sharedTempDir inside a test throws too', () => {
    expect(outsideTest).toEqual(
      new Error(`tempDir('dlkit-temp-dir-outside-') is for inside a test; for a folder tests share, use sharedTempDir`),
    );
    expect(() => sharedTempDir('dlkit-temp-dir-inside-')).toThrow(
      new Error(`sharedTempDir('dlkit-temp-dir-inside-') is for where tests are declared; inside a test, use tempDir`),
    );
    expect(readdirSync(tmpdir()).filter((name) => /^dlkit-temp-dir-(outside|inside)-/.test(name))).toEqual([]);
  });
});

describe('tempDir(prefix) in a beforeEach', () => {
  let dir = '';
  beforeEach(() => {
    dir = tempDir('dlkit-temp-dir-each-');
  });

  test("is the test's folder…", () => {
    folders.beforeEach = dir;
    fill(dir);
  });

  test('…removed when that test finishes; the next test has a new one', () => {
    expect(dir).not.toBe(folders.beforeEach);
    expect(existsSync(folders.beforeEach)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('sharedTempDir(prefix)', () => {
  const dir = (folders.shared = sharedTempDir('dlkit-temp-dir-shared-'));
  const madeWhenDeclared = existsSync(dir);

  test('is a folder the tests of a block share, made before the first runs: one writes into it…', () => {
    expect(madeWhenDeclared).toBe(false);
    expect(dirname(dir)).toBe(tmpdir());
    expect(basename(dir)).toMatch(/^dlkit-temp-dir-shared-.+/);
    expect(readdirSync(dir)).toEqual([]);
    fill(dir);
  });

  test('…and the next one finds it there', () => {
    expect(readdirSync(dir).sort()).toEqual(['child.txt', 'nested']);
  });
});

// A block whose tests are all skipped or filtered out (vitest -t) runs no beforeAll: since the folder is
// made there, not where it is declared (madeWhenDeclared above), such a block leaves none behind.
test('a shared folder is removed with everything in it when its block has finished', () => {
  expect(folders.shared).not.toBe('');
  expect(existsSync(folders.shared)).toBe(false);
});
