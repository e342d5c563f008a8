import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../cli-error';
import { displayPath } from '../display-path';
import { formatDuration } from '../progress/format-duration';

/** The lock file's name in a run folder. */
export const runLockName = '.dlkit-run.lock';

/** Who holds a run folder: what the lock file says, one JSON object. */
export interface RunLockHolder {
  pid: number;
  host: string;
  /** The command line that started the run, as the user typed it: 'pnpm demo --epochs 30'. */
  command: string;
  /** When the run started, ISO 8601. */
  started: string;
}

/** A held lock on a run folder. */
export interface RunFolderLock {
  /** The lock file. */
  path: string;
  /** A lock left by a run that no longer runs, which this one took over; undefined when the folder was free. */
  tookOver?: { holder: RunLockHolder } | { unreadable: true; ageSeconds: number };
  /** Removes the lock file if it is still this run's. Idempotent; it also runs when the process exits. */
  release(): void;
}

/** An unreadable lock younger than this belongs to a run that is writing it right now. */
const startingSeconds = 10;

/**
 * Locks a run folder for this process: creates `<dir>/.dlkit-run.lock` with the exclusive flag 'wx',
 * holding pid, host, command and start time, so two runs never write one folder. A lock whose pid no
 * longer runs on this host (a run killed with SIGKILL, or a closed terminal) is stale and taken over;
 * one held by a live process, or by one on another host (which cannot be checked), is a CliError that
 * names the run. The lock goes on release(), and on process exit, so a second Ctrl-C leaves none behind.
 */
export function lockRunFolder(dir: string, command: string, now: Date = new Date()): RunFolderLock {
  const path = join(dir, runLockName);
  const me: RunLockHolder = { pid: process.pid, host: hostname(), command, started: now.toISOString() };
  const text = `${JSON.stringify(me)}\n`;
  let tookOver: RunFolderLock['tookOver'];
  // Each try either takes the lock, refuses, or removes a stale lock first; three cover a lock that goes
  // away between the create and the read, then a stale one.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(path, text)) return heldLock(path, text, tookOver);
    const lock = readLock(path);
    if (lock === 'gone') continue;
    const found = lock.holder;
    if (found === 'unreadable') {
      const ageSeconds = lockAgeSeconds(path, now);
      if (ageSeconds === undefined) continue;
      if (ageSeconds < startingSeconds) {
        throw new CliError(
          `${displayPath(dir)} is in use by a run that is starting (${displayPath(path)} is being written): try again in a moment, or use another folder with --out <dir>`,
        );
      }
      tookOver = { unreadable: true, ageSeconds };
    } else {
      refuseLive(dir, path, found, now);
      tookOver = { holder: found };
    }
    // Removed only if it is still the lock judged stale, not one a run took meanwhile.
    removeIfUnchanged(path, lock.text);
  }
  throw new CliError(
    `${displayPath(dir)} is in use: other runs keep taking its lock (${displayPath(path)}); use another folder with --out <dir>`,
  );
}

/** One line for the note a run prints when it took over a stale lock. */
export function describeTakeOver(lock: RunFolderLock, now: Date = new Date()): string | undefined {
  const taken = lock.tookOver;
  if (!taken) return undefined;
  if ('unreadable' in taken) {
    return `note: replaced ${displayPath(lock.path)}, which was unreadable and ${formatDuration(taken.ageSeconds)} old`;
  }
  const { pid, command } = taken.holder;
  return `note: took over ${displayPath(lock.path)} from pid ${pid} (${command}, ${since(taken.holder.started, now)}), which is no longer running`;
}

/** Creates the lock file only if there is none; false when one exists. */
function createExclusive(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

function heldLock(path: string, text: string, tookOver: RunFolderLock['tookOver']): RunFolderLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // Only this run's own lock: a lock someone removed and another run took is that run's.
    try {
      if (readFileSync(path, 'utf8') === text) unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', release);
  return { path, tookOver, release };
}

/** The lock file's text and its holder ('unreadable' for a file that is being written or is damaged); 'gone' if there is none. */
function readLock(path: string): { text: string; holder: RunLockHolder | 'unreadable' } | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const holder = JSON.parse(text) as Partial<RunLockHolder> | null;
    const valid =
      Number.isSafeInteger(holder?.pid) &&
      holder!.pid! > 0 &&
      typeof holder?.host === 'string' &&
      typeof holder.command === 'string' &&
      typeof holder.started === 'string';
    return { text, holder: valid ? (holder as RunLockHolder) : 'unreadable' };
  } catch {
    return { text, holder: 'unreadable' };
  }
}

/** Throws the one line that names a live holder; returns when the holder is a stale lock of this host. */
function refuseLive(dir: string, path: string, holder: RunLockHolder, now: Date): void {
  const what = `pid ${holder.pid}, ${holder.command}, ${since(holder.started, now)}`;
  if (holder.host !== hostname()) {
    throw new CliError(
      `${displayPath(dir)} is in use by a run on ${holder.host} (${what}): wait for it, or use another folder with --out <dir>; if that run is gone, delete ${displayPath(path)}`,
    );
  }
  if (isRunning(holder.pid)) {
    throw new CliError(
      `${displayPath(dir)} is in use by another run (${what}): wait for it to finish or stop it, or use another folder with --out <dir>`,
    );
  }
}

/** Whether a process with this pid runs on this host; EPERM means it does, under another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function lockAgeSeconds(path: string, now: Date): number | undefined {
  try {
    return Math.max(0, (now.getTime() - statSync(path).mtimeMs) / 1000);
  } catch {
    return undefined;
  }
}

function removeIfUnchanged(path: string, text: string): void {
  try {
    if (readFileSync(path, 'utf8') === text) unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** `since 14:02:05, 3m10s ago`, with the date when it was not today. */
function since(started: string, now: Date): string {
  const at = new Date(started);
  if (Number.isNaN(at.getTime())) return `since ${started}`;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const today = day === `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `since ${today ? time : `${day} ${time}`}, ${formatDuration((now.getTime() - at.getTime()) / 1000)} ago`;
}
