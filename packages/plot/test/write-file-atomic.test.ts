import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, watchFileWrites } from '@dlkit/test-utils';
import { beforeEach, describe, expect, test } from 'vitest';
import { writeFileAtomic } from '../src/node';

let dir = '';
beforeEach(() => {
  dir = tempDir('plot-atomic-');
});

describe('writeFileAtomic(path, data)', () => {
  test('writes strings and bytes, replaces an old file, and leaves no temporary file', async () => {
    const path = join(dir, 'out.txt');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, 'new text');
    expect(readFileSync(path, 'utf8')).toBe('new text');
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  test('writes a temporary file beside path, fsyncs it, then renames it over path', async () => {
    const path = join(dir, 'out.txt');
    const writes = watchFileWrites();
    try {
      await writeFileAtomic(path, 'new text');
    } finally {
      writes.restore();
    }
    expect(writes.steps).toEqual(['fsync', expect.stringMatching(/^rename .*out\.txt\.\d+ → /)]);
    expect(writes.steps[1]!.endsWith(` → ${path}`)).toBe(true);
  });

  test('a write that fails midway (a full disk) leaves the old file and no temporary file', async () => {
    const path = join(dir, 'out.txt');
    writeFileSync(path, 'old');
    const writes = watchFileWrites();
    writes.failNextWrite('ENOSPC');
    try {
      await expect(writeFileAtomic(path, 'new text')).rejects.toThrow('ENOSPC');
    } finally {
      writes.restore();
    }
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  test('creates missing parent folders', async () => {
    const path = join(dir, 'a', 'b', 'report.html');
    await writeFileAtomic(path, '<p>hi</p>');
    expect(readFileSync(path, 'utf8')).toBe('<p>hi</p>');
  });

  test('on failure throws, removes its temporary file and leaves what was there', async () => {
    const path = join(dir, 'taken');
    mkdirSync(path);
    writeFileSync(join(path, 'keep.txt'), 'kept');
    await expect(writeFileAtomic(path, 'data')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(path, 'keep.txt'), 'utf8')).toBe('kept');
  });

  test('concurrent writes to one path leave one whole version', async () => {
    const path = join(dir, 'race.txt');
    const versions = Array.from({ length: 8 }, (_, i) => String(i).repeat(100_000));
    await Promise.all(versions.map((v) => writeFileAtomic(path, v)));
    expect(versions).toContain(readFileSync(path, 'utf8'));
    expect(readdirSync(dir)).toEqual(['race.txt']);
  });
});
