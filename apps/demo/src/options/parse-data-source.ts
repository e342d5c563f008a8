import { statSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { resolveUserPath } from '../resolve-user-path';

/** Where the MNIST digits come from, in the form `loadMnist({ source })` takes. */
export type DataSource = 'embedded' | 'download' | string;

/**
 * Commander argument parser for `--data`: `embedded`, `download`, or a folder holding the four MNIST
 * IDX files. A folder must exist now, so a typo fails before any training starts.
 */
export function parseDataSource(value: string): DataSource {
  if (value === 'embedded' || value === 'download') return value;
  const dir = resolveUserPath(value);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new InvalidArgumentError(
      `data folder ${dir} does not exist (expected embedded, download, or a folder with the four MNIST IDX files).`,
    );
  }
  if (!isDir) {
    throw new InvalidArgumentError(
      `${dir} is a file, not a folder (expected embedded, download, or a folder with the four MNIST IDX files).`,
    );
  }
  return dir;
}
