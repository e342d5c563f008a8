import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../cli-error';
import { resolveUserPath } from '../resolve-user-path';

const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file with that name is in the way',
  ENOSPC: 'the disk is full',
};

/**
 * Creates the output folder if needed and proves it is writable before any work starts, so a bad
 * `--out` costs the user one line, not a training run. Returns the absolute path.
 */
export function prepareOutputFolder(path: string): string {
  const dir = resolveUserPath(path);
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.dlkit-write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = reasons[code] ?? (error instanceof Error ? error.message : String(error));
    throw new CliError(`cannot write to output folder ${dir}: ${reason} (choose another with --out <dir>)`);
  }
  return dir;
}
