import { platform } from '#mnist-platform';
import { hex, idxTypeByCode, knownTypeCodes, maxIdxRank } from './_idx-types';
import type { IdxArray } from './idx-array';
import { MnistDataError } from './mnist-data-error';

/** Options of {@link readIdx}. */
export interface ReadIdxOptions {
  /** The name errors use for the bytes (e.g. the file they came from). */
  name?: string;
}

/**
 * Parses IDX bytes (raw or gzip, detected from the first bytes), given as a Uint8Array or an ArrayBuffer,
 * on every platform. Every element type is read (0x08 uint8 … 0x0E float64); dimensions and multi-byte
 * values are big-endian. In Node, `readIdx` (from `@dlkit/mnist` there, or `@dlkit/mnist/node`) also
 * takes a file path.
 *
 * Throws one {@link MnistDataError} naming the source and the expected and found values for a wrong magic
 * number, an unknown type code, rank 0 or absurd dimensions, truncated data and trailing bytes.
 *
 * @example
 * const { dims, data } = readIdx(new Uint8Array(await (await fetch('t10k-labels-idx1-ubyte.gz')).arrayBuffer())); // dims [10000]
 */
export function readIdx(source: Uint8Array | ArrayBuffer, options: ReadIdxOptions = {}): IdxArray {
  const name = options.name ?? 'IDX bytes';
  let bytes: Uint8Array;
  if (source instanceof Uint8Array) bytes = source;
  else if (source instanceof ArrayBuffer) bytes = new Uint8Array(source);
  else if (typeof source === 'string') {
    throw new TypeError(
      "readIdx: a file path is read only in Node ('@dlkit/mnist' there, or '@dlkit/mnist/node'); here pass the file's bytes (a Uint8Array or an ArrayBuffer)",
    );
  } else {
    throw new TypeError(`readIdx: expected a Uint8Array or an ArrayBuffer, found ${describe(source)}`);
  }
  return decodeIdx(maybeGunzip(bytes, name), name);
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

function maybeGunzip(bytes: Uint8Array, name: string): Uint8Array {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return platform.gunzipSync(bytes);
  } catch (error) {
    throw new MnistDataError(`${name}: corrupt gzip data (${(error as Error).message})`, { file: name, cause: error });
  }
}

function decodeIdx(bytes: Uint8Array, name: string): IdxArray {
  if (bytes.length < 4) {
    throw new MnistDataError(`${name}: truncated IDX header: expected at least 4 bytes, found ${bytes.length}`, { file: name });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const magic = view.getUint32(0);
    throw new MnistDataError(
      `${name}: wrong magic number: expected 0x0000 then a type code and a rank (e.g. 0x00000803 = 2051 for MNIST images), found ${hex(magic, 8)} (${magic})`,
      { file: name },
    );
  }
  const code = bytes[2]!;
  const info = idxTypeByCode(code);
  if (!info) {
    throw new MnistDataError(`${name}: unknown IDX type code ${hex(code)}: expected one of ${knownTypeCodes}`, { file: name });
  }
  const rank = bytes[3]!;
  if (rank === 0) {
    throw new MnistDataError(`${name}: rank 0: expected at least 1 dimension, found 0 (magic ${hex(view.getUint32(0), 8)})`, {
      file: name,
    });
  }
  if (rank > maxIdxRank) {
    throw new MnistDataError(`${name}: absurd rank: expected at most ${maxIdxRank} dimensions, found ${rank}`, { file: name });
  }
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) {
    throw new MnistDataError(`${name}: truncated IDX header: expected ${headerBytes} bytes for ${rank} dimensions, found ${bytes.length}`, {
      file: name,
    });
  }
  const dims: number[] = [];
  let count = 1;
  for (let i = 0; i < rank; i++) {
    const dim = view.getUint32(4 + 4 * i);
    dims.push(dim);
    count *= dim;
  }
  // Past 2^31 elements no typed array can hold it; such headers are usually little-endian or not IDX at all.
  if (count > 0x7fffffff) {
    throw new MnistDataError(
      `${name}: absurd dimensions ${dims.join('×')}: expected at most ${0x7fffffff} elements, found ${count} (is the header little-endian?)`,
      { file: name },
    );
  }
  const expected = count * info.bytes;
  const found = bytes.length - headerBytes;
  if (found < expected) {
    throw new MnistDataError(
      `${name}: truncated data: expected ${expected} bytes of ${info.type} for dimensions ${dims.join('×')}, found ${found}`,
      { file: name },
    );
  }
  if (found > expected) {
    throw new MnistDataError(
      `${name}: trailing bytes: expected ${expected} bytes of ${info.type} for dimensions ${dims.join('×')}, found ${found} (${found - expected} extra)`,
      { file: name },
    );
  }
  let data: IdxArray['data'];
  if (info.bytes === 1) {
    // A fresh Uint8Array, not bytes.slice(): on a Node Buffer slice() is a view and would stay a Buffer.
    const copy = new Uint8Array(count);
    copy.set(bytes.subarray(headerBytes));
    data = info.type === 'uint8' ? copy : new Int8Array(copy.buffer);
  } else {
    data = info.create(count);
    for (let i = 0, offset = headerBytes; i < count; i++, offset += info.bytes) data[i] = info.get(view, offset);
  }
  return { type: info.type, dims, data };
}
