import writeFileAtomic from 'write-file-atomic';
import { MnistDataError } from '../mnist-data-error';
import { type IdxInput, writeIdx } from '../write-idx';

/** Options of {@link writeIdxFile}. */
export interface WriteIdxFileOptions {
  /** Gzip the file; by default when the path ends in `.gz`. */
  gzip?: boolean;
}

/**
 * Writes an IDX file atomically (npm's write-file-atomic: temp file, fsync, rename; readers see the old
 * file or the whole new one, never a part). Validation as {@link writeIdx}; a file system failure throws a {@link MnistDataError} naming the path.
 *
 * @example
 * writeIdxFile('out/labels-idx1-ubyte.gz', { dims: [3], data: Uint8Array.of(7, 2, 1) });
 */
export function writeIdxFile(path: string, array: IdxInput, options: WriteIdxFileOptions = {}): void {
  const bytes = writeIdx(array, { gzip: options.gzip ?? path.endsWith('.gz') });
  try {
    writeFileAtomic.sync(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new MnistDataError(`Cannot write IDX file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      file: path,
      cause: error,
    });
  }
}
