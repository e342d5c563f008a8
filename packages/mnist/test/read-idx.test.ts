import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tempDir } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';
import { type IdxData, MnistDataError, readIdx, writeIdx } from '../src/node';

const samples: [string, number, IdxData][] = [
  ['uint8', 0x08, Uint8Array.from([0, 1, 127, 128, 255, 42])],
  ['int8', 0x09, Int8Array.from([-128, -1, 0, 1, 127, 5])],
  ['int16', 0x0b, Int16Array.from([-32768, -2, 0, 258, 32767, 7])],
  ['int32', 0x0c, Int32Array.from([-2147483648, -3, 0, 65536 + 3, 2147483647, 9])],
  ['float32', 0x0d, Float32Array.from([-1.5, 0, 3.25, Number.POSITIVE_INFINITY, 1e-30, Math.fround(Math.PI)])],
  ['float64', 0x0e, Float64Array.from([-1.5, 0, Math.PI, Number.NEGATIVE_INFINITY, 1e-300, Math.E])],
];

describe('readIdx(writeIdx(array)) for every element type', () => {
  test.each(samples)('%s (type code %i) round-trips raw and gzipped, from bytes and from a file', (type, code, data) => {
    const dir = tempDir('dlkit-mnist-');
    for (const gzip of [false, true]) {
      const bytes = writeIdx({ dims: [2, 3], data }, { gzip });
      if (!gzip) {
        expect(Array.from(bytes.subarray(0, 12))).toEqual([0, 0, code, 2, 0, 0, 0, 2, 0, 0, 0, 3]);
        expect(bytes.length).toBe(12 + data.length * data.BYTES_PER_ELEMENT);
      } else {
        expect(Array.from(bytes.subarray(0, 2))).toEqual([0x1f, 0x8b]);
      }
      writeFileSync(join(dir, `f${gzip}`), bytes);
      for (const parsed of [readIdx(bytes), readIdx(join(dir, `f${gzip}`))]) {
        expect(parsed.type).toBe(type);
        expect(parsed.dims).toEqual([2, 3]);
        expect(parsed.data.constructor).toBe(data.constructor);
        expect(Array.from(parsed.data)).toEqual(Array.from(data));
      }
    }
  });

  test('multi-byte values are stored big-endian', () => {
    const bytes = writeIdx({ dims: [1], data: Int32Array.of(0x01020304) });
    expect(Array.from(bytes.subarray(8))).toEqual([1, 2, 3, 4]);
    const float = writeIdx({ dims: [1], data: Float64Array.of(1) });
    expect(Array.from(float.subarray(8))).toEqual([0x3f, 0xf0, 0, 0, 0, 0, 0, 0]);
  });

  test('a rank-4 array and a NaN survive', () => {
    const data = Float32Array.from({ length: 2 * 3 * 4 * 5 }, (_, i) => (i === 7 ? Number.NaN : i / 3));
    const parsed = readIdx(writeIdx({ dims: [2, 3, 4, 5], data }));
    expect(parsed.dims).toEqual([2, 3, 4, 5]);
    expect(Number.isNaN(parsed.data[7])).toBe(true);
    expect(parsed.data[8]).toBe(Math.fround(8 / 3));
  });

  test('the parsed data is a copy: changing the input bytes later changes nothing', () => {
    const bytes = writeIdx({ dims: [3], data: Uint8Array.of(1, 2, 3) });
    const parsed = readIdx(bytes);
    bytes[8] = 99;
    expect(Array.from(parsed.data)).toEqual([1, 2, 3]);
  });
});

function header(code: number, dims: number[]): number[] {
  return [0, 0, code, dims.length, ...dims.flatMap((d) => [(d >>> 24) & 255, (d >>> 16) & 255, (d >>> 8) & 255, d & 255])];
}

function errorOf(fn: () => unknown): MnistDataError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MnistDataError);
    return error as MnistDataError;
  }
  throw new Error('expected an error');
}

describe('readIdx(bad input) throws one error naming the file, the expected and the found values', () => {
  const cases: [string, number[], RegExp][] = [
    ['wrong magic', [0x08, 0x03, 0, 0, 0, 0, 0, 1, 0], /labels-x: wrong magic number: expected 0x0000.*found 0x08030000/],
    [
      'unknown type code 0x0A',
      [...header(0x0a, [1]), 0],
      /labels-x: unknown IDX type code 0x0A: expected one of 0x08 \(uint8\).*0x0E \(float64\)/,
    ],
    ['unknown type code 0x07', [...header(0x07, [1]), 0], /unknown IDX type code 0x07/],
    ['rank 0', [0, 0, 8, 0], /labels-x: rank 0: expected at least 1 dimension, found 0/],
    ['absurd rank', [0, 0, 8, 200, ...new Array(800).fill(0)], /labels-x: absurd rank: expected at most 16 dimensions, found 200/],
    [
      'absurd dimensions',
      [...header(0x08, [0x60ea0000, 28, 28])],
      /absurd dimensions 1625948160×28×28: expected at most 2147483647 elements/,
    ],
    ['truncated header', [0, 0, 8, 3, 0, 0], /truncated IDX header: expected 16 bytes for 3 dimensions, found 6/],
    ['too short for a header', [0, 0], /truncated IDX header: expected at least 4 bytes, found 2/],
    [
      'truncated data',
      [...header(0x08, [2, 2]), 1, 2, 3],
      /labels-x: truncated data: expected 4 bytes of uint8 for dimensions 2×2, found 3/,
    ],
    ['truncated int32 data', [...header(0x0c, [2]), 0, 0, 0, 1, 0], /truncated data: expected 8 bytes of int32 for dimensions 2, found 5/],
    [
      'trailing bytes',
      [...header(0x08, [2]), 1, 2, 3, 4],
      /labels-x: trailing bytes: expected 2 bytes of uint8 for dimensions 2, found 4 \(2 extra\)/,
    ],
  ];

  test.each(cases)('%s', (_, bytes, message) => {
    const error = errorOf(() => readIdx(Uint8Array.from(bytes), { name: 'labels-x' }));
    expect(error.message).toMatch(message);
    // The same problem inside gzip reads the same.
    expect(errorOf(() => readIdx(new Uint8Array(gzipSync(Uint8Array.from(bytes))), { name: 'labels-x' })).message).toMatch(message);
  });

  test('a file path is named in the message and in error.file', () => {
    const path = join(tempDir('dlkit-mnist-'), 'broken-idx1-ubyte.gz');
    writeFileSync(path, gzipSync(Uint8Array.from([...header(0x08, [3]), 1])));
    const error = errorOf(() => readIdx(path));
    expect(error.message).toBe(`${path}: truncated data: expected 3 bytes of uint8 for dimensions 3, found 1`);
    expect(error.file).toBe(path);
  });

  test('corrupt gzip and missing files', () => {
    expect(errorOf(() => readIdx(Uint8Array.from([0x1f, 0x8b, 8, 0, 1, 2, 3]), { name: 'z.gz' })).message).toMatch(
      /^z\.gz: corrupt gzip data/,
    );
    expect(errorOf(() => readIdx('/nonexistent/t10k-labels-idx1-ubyte')).message).toMatch(
      /^Cannot read IDX file \/nonexistent\/t10k-labels-idx1-ubyte: ENOENT/,
    );
    expect(() => readIdx(42 as unknown as string)).toThrow(/expected a Uint8Array, an ArrayBuffer or a file path, found number/);
  });
});

describe('writeIdx(bad input) throws a RangeError or TypeError', () => {
  test.each([
    [{ dims: [2, 2], data: new Uint8Array(3) }, /dimensions 2×2 hold 4 values, found 3/],
    [{ dims: [], data: new Uint8Array(0) }, /expected 1 to 16 dimensions, found 0/],
    [{ dims: [1.5], data: new Uint8Array(1) }, /whole numbers/],
    [{ dims: [-1], data: new Uint8Array(1) }, /whole numbers/],
    [{ type: 'int16' as const, dims: [1], data: new Uint8Array(1) }, /type 'int16' does not match the data, a Uint8Array \(uint8\)/],
    [{ dims: [1], data: [1] as unknown as Uint8Array }, /expected `data` to be a Uint8Array/],
    [{ dims: [1], data: new Uint16Array(1) as unknown as Uint8Array }, /expected `data` to be a Uint8Array/],
  ])('%o', (input, message) => {
    expect(() => writeIdx(input)).toThrow(message);
  });
});
