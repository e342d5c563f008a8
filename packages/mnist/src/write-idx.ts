import { platform } from '#mnist-platform';
import { idxTypeByName, idxTypeOfData, maxIdxRank } from './_idx-types';
import type { IdxData, IdxType } from './idx-array';

/** Options of {@link writeIdx}. */
export interface WriteIdxOptions {
  /** Gzip the result (default false). */
  gzip?: boolean;
}

/** What {@link writeIdx} needs: dimensions and values; the type follows from the typed array when left out. */
export interface IdxInput {
  readonly type?: IdxType;
  readonly dims: readonly number[];
  readonly data: IdxData;
}

/**
 * Encodes an array as IDX bytes (big-endian header and values), optionally gzipped; {@link readIdx} reads it back.
 * The element type comes from the typed array (Uint8Array → 0x08 … Float64Array → 0x0E).
 *
 * Throws a RangeError when the dimensions do not multiply to the data's length, are not whole numbers
 * in 0…2^32−1, number 0 or more than 16, or when `type` disagrees with the typed array.
 *
 * @example
 * const bytes = writeIdx({ dims: [2, 28, 28], data: new Uint8Array(2 * 784) }, { gzip: true });
 */
export function writeIdx(array: IdxInput, options: WriteIdxOptions = {}): Uint8Array {
  const info = array?.data ? idxTypeOfData(array.data) : undefined;
  if (!info)
    throw new TypeError('writeIdx: expected `data` to be a Uint8Array, Int8Array, Int16Array, Int32Array, Float32Array or Float64Array');
  if (array.type !== undefined) {
    const asked = idxTypeByName(array.type);
    if (!asked) throw new RangeError(`writeIdx: unknown type '${String(array.type)}'`);
    if (asked !== info)
      throw new RangeError(`writeIdx: type '${array.type}' does not match the data, a ${array.data.constructor.name} (${info.type})`);
  }
  const dims = array.dims;
  if (!Array.isArray(dims) || dims.length === 0 || dims.length > maxIdxRank) {
    throw new RangeError(`writeIdx: expected 1 to ${maxIdxRank} dimensions, found ${Array.isArray(dims) ? dims.length : typeof dims}`);
  }
  let count = 1;
  for (const dim of dims) {
    if (!Number.isInteger(dim) || dim < 0 || dim > 0xffffffff) {
      throw new RangeError(`writeIdx: dimensions must be whole numbers in 0…2^32−1, found ${dims.join('×')}`);
    }
    count *= dim;
  }
  if (count !== array.data.length) {
    throw new RangeError(`writeIdx: dimensions ${dims.join('×')} hold ${count} values, found ${array.data.length} in data`);
  }
  const headerBytes = 4 + 4 * dims.length;
  const bytes = new Uint8Array(headerBytes + count * info.bytes);
  const view = new DataView(bytes.buffer);
  bytes[2] = info.code;
  bytes[3] = dims.length;
  dims.forEach((dim, i) => {
    view.setUint32(4 + 4 * i, dim);
  });
  if (info.bytes === 1) {
    bytes.set(new Uint8Array(array.data.buffer, array.data.byteOffset, count), headerBytes);
  } else {
    const data = array.data;
    for (let i = 0, offset = headerBytes; i < count; i++, offset += info.bytes) info.set(view, offset, data[i]!);
  }
  return options.gzip ? platform.gzipSync(bytes) : bytes;
}
