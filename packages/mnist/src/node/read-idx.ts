import { readFileSync } from 'node:fs';
import type { IdxArray } from '../idx-array';
import { MnistDataError } from '../mnist-data-error';
import { type ReadIdxOptions, readIdx as readIdxBytes } from '../read-idx';

/**
 * Node's readIdx: the main entry's (IDX bytes, raw or gzip) that also reads a file path. Errors name the path.
 *
 * @example
 * const { dims, data } = readIdx('data/train-labels-idx1-ubyte.gz'); // dims [60000], data Uint8Array
 */
export function readIdx(source: Uint8Array | ArrayBuffer | string, options: ReadIdxOptions = {}): IdxArray {
  if (typeof source !== 'string') {
    if (!(source instanceof Uint8Array || source instanceof ArrayBuffer)) {
      throw new TypeError(
        `readIdx: expected a Uint8Array, an ArrayBuffer or a file path, found ${source === null ? 'null' : Array.isArray(source) ? 'an array' : typeof source}`,
      );
    }
    return readIdxBytes(source, options);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(source);
  } catch (error) {
    throw new MnistDataError(`Cannot read IDX file ${source}: ${(error as Error).message}`, { file: source, cause: error });
  }
  return readIdxBytes(bytes, { name: source });
}
