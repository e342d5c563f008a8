import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, onTestFinished, TestRunner } from 'vitest';

/** Removes a folder and everything in it; one already gone is fine. Retries while a child process that was just stopped lets go of it. */
const remove = (dir: string) => rm(dir, { recursive: true, force: true, maxRetries: 5 });

/**
 * A new empty folder in `parent` (the system's temporary folder unless given) named `prefix` and random
 * characters, removed with everything in it when the current test finishes, whether it passed or failed
 * (vitest's onTestFinished). Whatever a child process the test started wrote into it goes too. Call it
 * inside a test (or its beforeEach); for a folder several tests share, call {@link sharedTempDir} where
 * the tests are declared.
 */
export function tempDir(prefix: string, parent = tmpdir()): string {
  if (!TestRunner.getCurrentTest())
    throw new Error(`tempDir('${prefix}') is for inside a test; for a folder tests share, use sharedTempDir`);
  const dir = mkdtempSync(join(parent, prefix));
  onTestFinished(() => remove(dir));
  return dir;
}

/**
 * The path of a new empty folder in `parent` (the system's temporary folder unless given) named `prefix`
 * and random characters, for the tests of a file or a describe block to share: made before the first of
 * them (a beforeAll, so a block whose tests are all skipped or filtered out makes none), and removed
 * with everything in it when the last has finished, whether they passed or failed (an afterAll). Call
 * it where the tests are declared, at a test file's top level or in a describe body, not inside a test
 * or a hook (hooks registered while tests run never run); fill the folder in a beforeAll declared after
 * this call, not at the top level.
 */
export function sharedTempDir(prefix: string, parent = tmpdir()): string {
  if (TestRunner.getCurrentTest())
    throw new Error(`sharedTempDir('${prefix}') is for where tests are declared; inside a test, use tempDir`);
  // mkdtemp's kind of name, chosen now so that the tests can name paths in it as they are declared.
  const dir = join(parent, prefix + randomBytes(6).toString('base64url'));
  beforeAll(() => {
    mkdirSync(dir);
  });
  afterAll(() => remove(dir));
  return dir;
}
