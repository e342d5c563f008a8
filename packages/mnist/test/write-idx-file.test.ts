import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, watchFileWrites } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';
import { readIdx, writeIdxFile } from '../src/node';

describe('writeIdxFile(path, array, options?)', () => {
  test('gzips by extension and leaves no temp file', () => {
    const dir = tempDir('dlkit-mnist-');
    writeIdxFile(join(dir, 'a-idx1-ubyte.gz'), { dims: [2], data: Uint8Array.of(4, 5) });
    writeIdxFile(join(dir, 'a-idx1-ubyte'), { dims: [2], data: Uint8Array.of(4, 5) });
    expect(readIdx(join(dir, 'a-idx1-ubyte.gz')).data).toEqual(Uint8Array.of(4, 5));
    expect(readIdx(join(dir, 'a-idx1-ubyte')).data).toEqual(Uint8Array.of(4, 5));
    expect(readdirSync(dir).sort()).toEqual(['a-idx1-ubyte', 'a-idx1-ubyte.gz']);
    expect(readFileSync(join(dir, 'a-idx1-ubyte.gz'))[0]).toBe(0x1f);
    const missing = join(dir, 'no-such-dir', 'b-idx1-ubyte');
    expect(() => writeIdxFile(missing, { dims: [1], data: Uint8Array.of(1) })).toThrow(`Cannot write IDX file ${missing}: ENOENT`);
    expect(readdirSync(dir).sort()).toEqual(['a-idx1-ubyte', 'a-idx1-ubyte.gz']);
  });

  test('fsyncs a temporary file and renames it over path; a write that fails midway leaves the old file', () => {
    const dir = tempDir('dlkit-mnist-');
    const path = join(dir, 'labels-idx1-ubyte');
    writeFileSync(path, 'old');
    const writes = watchFileWrites();
    try {
      writeIdxFile(path, { dims: [2], data: Uint8Array.of(4, 5) });
      expect(writes.steps).toEqual(['fsync', expect.stringMatching(/^rename .*labels-idx1-ubyte\.\d+ → /)]);
      writeFileSync(path, 'old');
      writes.failNextWrite('ENOSPC');
      expect(() => writeIdxFile(path, { dims: [2], data: Uint8Array.of(4, 5) })).toThrow(`Cannot write IDX file ${path}: ENOSPC`);
    } finally {
      writes.restore();
    }
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['labels-idx1-ubyte']);
  });
});
