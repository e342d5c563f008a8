import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliError } from '../cli-error';
import { resolveUserPath } from '../resolve-user-path';

const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file with that name is in the way',
  ENOSPC: 'the disk is full',
  ENAMETOOLONG: 'the path is too long',
};

/**
 * Creates the output folder if needed and proves it is writable before any work starts, so a bad
 * `--out` costs the user one line, not a training run. Returns the absolute path.
 */
export function prepareOutputFolder(path: string): string {
  const dir = resolveUserPath(path);
  try {
    makeFolders(dir);
    const probe = join(dir, `.dlkit-write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const reason = error instanceof FolderError ? error.message : describeFsError(error);
    throw new CliError(`cannot write to output folder ${dir}: ${reason} (choose another with --out <dir>)`, { cause: error });
  }
  return dir;
}

/** A reason {@link makeFolders} found in words (no errno code fits it). */
class FolderError extends Error {}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return reasons[code] ?? (error instanceof Error ? error.message : String(error));
}

/**
 * `mkdir -p` that cannot loop: finds the nearest folder that exists, walking up once, then makes each
 * missing one below it once. Node's own recursive mkdir spins forever where a parent exists but refuses
 * new entries with ENOENT (a path under /proc: mkdir('/proc/x') ENOENT, mkdir('/proc') EEXIST, again).
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    const kind = entryKind(at);
    if (kind === 'folder') break;
    if (kind === 'file') {
      throw new FolderError(at === dir ? reasons.EEXIST! : `${at} is a file, not a folder`);
    }
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Made meanwhile by someone else: fine, as long as it is a folder.
      if (code === 'EEXIST' && entryKind(folder) === 'folder') continue;
      // The parent exists (it was found or just made), yet the folder "has no parent": a file system
      // such as /proc or /sys that takes no new folders.
      if (code === 'ENOENT') throw new FolderError(`${dirname(folder)} does not accept new folders`);
      throw error;
    }
  }
}

/** What is at `path`: a folder, something else, or nothing (a missing path or a missing parent). */
function entryKind(path: string): 'folder' | 'file' | 'none' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'none';
    // ENOTDIR: a file stands where a parent folder should; the walk up finds it and names it.
    if (code === 'ENOTDIR') return 'none';
    throw error;
  }
}
