import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { tempDir } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';
import { CliError } from '../src/cli-error';
import { describeTakeOver, lockRunFolder, runLockName } from '../src/output/run-folder-lock';

const folder = () => tempDir('dlkit-demo-lock-');
/** The pid of a process that has exited: no process has it now (pids are not reused at once). */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const writeLock = (dir: string, holder: object | string) =>
  writeFileSync(join(dir, runLockName), typeof holder === 'string' ? holder : JSON.stringify(holder));
const readLock = (dir: string) => JSON.parse(readFileSync(join(dir, runLockName), 'utf8')) as Record<string, unknown>;

/** The CliError lockRunFolder(dir) throws, or a failure when it throws none. */
function refusal(dir: string): CliError {
  try {
    lockRunFolder(dir, 'dlkit-demo --epochs 2');
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return error as CliError;
  }
  throw new Error('lockRunFolder did not refuse');
}

describe('lockRunFolder(dir, command)', () => {
  test('creates <dir>/.dlkit-run.lock with pid, host, command and start time, and release() removes it once', () => {
    const dir = folder();
    const started = new Date('2026-11-25T14:02:05Z');
    const lock = lockRunFolder(dir, 'pnpm demo --epochs 30', started);
    expect(lock.path).toBe(join(dir, runLockName));
    expect(lock.tookOver).toBeUndefined();
    expect(readLock(dir)).toEqual({ pid: process.pid, host: hostname(), command: 'pnpm demo --epochs 30', started: started.toISOString() });
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    lock.release();
    // Free again: the next run takes it.
    lockRunFolder(dir, 'again').release();
  });

  test('a second lock while the first is held is refused with one line naming the running one', () => {
    const dir = folder();
    const first = lockRunFolder(dir, 'pnpm demo --epochs 30');
    const error = refusal(dir);
    expect(error.message).toMatch(
      new RegExp(`is in use by another run \\(pid ${process.pid}, pnpm demo --epochs 30, since \\d\\d:\\d\\d:\\d\\d, \\d+s ago\\): `),
    );
    expect(error.message).toContain('use another folder with --out <dir>');
    expect(error.message).not.toContain('\n');
    // The refused attempt leaves the holder's lock as it was.
    expect(readLock(dir).command).toBe('pnpm demo --epochs 30');
    first.release();
  });

  test('a stale lock (its pid no longer runs on this host) is taken over, and describeTakeOver says so', () => {
    const dir = folder();
    const pid = deadPid();
    writeLock(dir, { pid, host: hostname(), command: 'pnpm demo --epochs 30', started: new Date(Date.now() - 300_000).toISOString() });
    const lock = lockRunFolder(dir, 'pnpm demo --resume');
    expect(lock.tookOver).toMatchObject({ holder: { pid } });
    expect(readLock(dir)).toMatchObject({ pid: process.pid, command: 'pnpm demo --resume' });
    expect(describeTakeOver(lock)).toMatch(
      new RegExp(
        `^note: took over .*\\.dlkit-run\\.lock from pid ${pid} \\(pnpm demo --epochs 30, since .*, 5m0\\ds ago\\), which is no longer running$`,
      ),
    );
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  test('a lock from another host is refused (its pid cannot be checked), naming the host and the file to delete if that run is gone', () => {
    const dir = folder();
    writeLock(dir, { pid: deadPid(), host: `not-${hostname()}`, command: 'pnpm demo', started: '2026-11-20T08:00:00Z' });
    expect(refusal(dir).message).toMatch(
      /is in use by a run on not-.* \(pid \d+, pnpm demo, since 2026-11-20 \d\d:\d\d:\d\d, .* ago\): .*delete .*\.dlkit-run\.lock$/,
    );
  });

  test('an unreadable lock is a run being started when it is fresh, and stale when it is old', () => {
    const dir = folder();
    writeLock(dir, '');
    expect(refusal(dir).message).toMatch(/is in use by a run that is starting/);
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, runLockName), old, old);
    const lock = lockRunFolder(dir, 'dlkit-demo');
    expect(lock.tookOver).toMatchObject({ unreadable: true });
    expect(describeTakeOver(lock)).toMatch(/^note: replaced .*\.dlkit-run\.lock, which was unreadable and 1h00m old$/);
    lock.release();
  });

  test("release() leaves alone a lock that is no longer this run's", () => {
    const dir = folder();
    const lock = lockRunFolder(dir, 'dlkit-demo');
    writeLock(dir, { pid: 1, host: hostname(), command: 'someone else', started: new Date().toISOString() });
    lock.release();
    expect(readLock(dir).command).toBe('someone else');
  });
});
