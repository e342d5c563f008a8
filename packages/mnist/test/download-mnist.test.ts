import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { tempDir, watchFileWrites } from '@dlkit/test-utils';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { type DownloadProgress, defaultMnistCacheDir, downloadMnist, loadMnist, MnistDataError, mnistFiles, writeIdx } from '../src/node';
import { syntheticSplit } from './_synthetic';

// Small synthetic stand-ins for the four MNIST files (the real ones are not reachable here), under the real names.
const files = new Map<string, Buffer>();
for (const [prefix, count] of [
  ['train', 20],
  ['t10k', 8],
] as const) {
  const { pixels, labels } = syntheticSplit(count);
  files.set(`${prefix}-images-idx3-ubyte.gz`, Buffer.from(writeIdx({ dims: [count, 28, 28], data: pixels }, { gzip: true })));
  files.set(`${prefix}-labels-idx1-ubyte.gz`, Buffer.from(writeIdx({ dims: [count], data: labels }, { gzip: true })));
}
const digest = (algorithm: string, bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');
// SHA-256 for three files and MD5 for one, to exercise both.
const checksums = Object.fromEntries(
  [...files].map(([name, bytes]) => [name, digest(name.startsWith('t10k-labels') ? 'md5' : 'sha256', bytes)]),
);

let server: Server;
let base = '';
const requests: string[] = [];

// Each path prefix is one kind of mirror: good, wrong bytes, dropped midway, missing, stalled.
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const [, kind, name = ''] = (req.url ?? '').split('/');
    const body = files.get(name);
    if (!body || kind === 'missing') {
      res.writeHead(404, 'Not Found').end('no such file');
      return;
    }
    if (kind === 'good') res.writeHead(200, { 'content-length': body.length }).end(body);
    else if (kind === 'wrong') {
      const other = Buffer.from(body);
      other[other.length - 1]! ^= 0xff;
      res.writeHead(200, { 'content-length': other.length }).end(other);
    } else if (kind === 'drop') {
      res.writeHead(200, { 'content-length': body.length });
      res.write(body.subarray(0, body.length >> 1), () => setTimeout(() => res.socket?.destroy(), 20));
    } else if (kind === 'slow') {
      res.writeHead(200, { 'content-length': body.length });
      res.write(body.subarray(0, 10)); // then nothing
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const mirror = (kind: string) => `${base}/${kind}/`;
const cacheEntries = (dir: string) => readdirSync(dir).sort();
const allNames = [...files.keys()].sort();

async function failure(promise: Promise<unknown>): Promise<MnistDataError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MnistDataError);
  return error as MnistDataError;
}

describe('downloadMnist(options) against a local server', () => {
  test('downloads and verifies the four files, then loadMnist reads them; a verified file is never fetched again', async () => {
    const cacheDir = join(tempDir('dlkit-mnist-'), 'nested', 'cache');
    requests.length = 0;
    const result = await downloadMnist({ cacheDir, mirrors: [mirror('good')], checksums });
    expect(result.cacheDir).toBe(cacheDir);
    expect(result.files.map((f) => f.slice(cacheDir.length + 1))).toEqual([
      'train-images-idx3-ubyte.gz',
      'train-labels-idx1-ubyte.gz',
      't10k-images-idx3-ubyte.gz',
      't10k-labels-idx1-ubyte.gz',
    ]);
    expect(cacheEntries(cacheDir)).toEqual(allNames);
    for (const name of allNames) expect(readFileSync(join(cacheDir, name)).equals(files.get(name)!)).toBe(true);
    expect(requests).toHaveLength(4);

    const train = await loadMnist({ source: 'download', cacheDir, mirrors: [mirror('good')], checksums });
    const all = await loadMnist({ source: 'download', cacheDir, mirrors: [mirror('good')], checksums, split: 'all' });
    expect([train.count, all.count]).toEqual([20, 28]);
    expect(requests).toHaveLength(4);
  });

  test("split 'test' fetches only the test pair", async () => {
    const cacheDir = tempDir('dlkit-mnist-');
    requests.length = 0;
    const data = await loadMnist({ source: 'download', split: 'test', cacheDir, mirrors: [mirror('good')], checksums });
    expect(data.count).toBe(8);
    expect(requests.map((r) => r.split('/')[2])).toEqual(['t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz']);
  });

  test('each verified file is written atomically: a fsynced temporary file renamed into place', async () => {
    const cacheDir = tempDir('dlkit-mnist-');
    const writes = watchFileWrites();
    try {
      await downloadMnist({ cacheDir, mirrors: [mirror('good')], checksums, split: 'test' });
    } finally {
      writes.restore();
    }
    expect(writes.steps).toEqual(
      ['t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'].flatMap((name) => [
        'fsync',
        expect.stringMatching(
          new RegExp(`^rename .*${name.replace(/\./g, '\\.')}\\.\\d+ → ${join(cacheDir, name).replace(/\./g, '\\.')}$`),
        ),
      ]),
    );
    expect(cacheEntries(cacheDir)).toEqual(['t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz']);
  });

  test('a wrong checksum moves on to the next mirror, and with no mirror left fails clearly, leaving nothing', async () => {
    const cacheDir = tempDir('dlkit-mnist-');
    requests.length = 0;
    await downloadMnist({ cacheDir, mirrors: [mirror('wrong'), mirror('good')], checksums, split: 'train' });
    expect(requests.filter((r) => r.startsWith('/wrong/'))).toHaveLength(2);
    expect(cacheEntries(cacheDir)).toEqual(['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz']);

    const empty = tempDir('dlkit-mnist-');
    const error = await failure(downloadMnist({ cacheDir: empty, mirrors: [mirror('wrong')], checksums }));
    const name = 'train-images-idx3-ubyte.gz';
    const found = digest('sha256', Buffer.from(files.get(name)!.map((b, i, all) => (i === all.length - 1 ? b ^ 0xff : b))));
    expect(error.message).toBe(
      `Could not download ${name} from any of 1 mirror:\n  ${mirror('wrong')}${name}: checksum mismatch: expected sha256 ${checksums[name]}, found ${found} (${files.get(name)!.length} bytes)`,
    );
    expect(error.file).toBe(name);
    expect(cacheEntries(empty)).toEqual([]);
  });

  test('the real MNIST checksums are the default: a file that is not MNIST is refused', async () => {
    const error = await failure(downloadMnist({ cacheDir: tempDir('dlkit-mnist-'), mirrors: [mirror('good')], split: 'train' }));
    expect(error.message).toContain(`expected sha256 ${mnistFiles.trainImages.sha256}, found`);
  });

  test('a connection dropped midway leaves no partial file, and the next mirror completes', async () => {
    const cacheDir = tempDir('dlkit-mnist-');
    const error = await failure(downloadMnist({ cacheDir, mirrors: [mirror('drop')], checksums, timeoutMs: 5000 }));
    expect(error.message).toMatch(
      /^Could not download train-images-idx3-ubyte\.gz from any of 1 mirror:\n {2}http:\/\/127\.0\.0\.1:\d+\/drop\/train-images-idx3-ubyte\.gz: /,
    );
    expect(error.message).toMatch(/drop\/train-images-idx3-ubyte\.gz: connection lost after \d+ of \d+ bytes: terminated/);
    expect(cacheEntries(cacheDir)).toEqual([]);

    await downloadMnist({ cacheDir, mirrors: [mirror('drop'), mirror('good')], checksums });
    expect(cacheEntries(cacheDir)).toEqual(allNames);
  });

  test('a 404 moves on; only 404s fail with the status', async () => {
    const cacheDir = tempDir('dlkit-mnist-');
    await downloadMnist({ cacheDir, mirrors: [mirror('missing'), mirror('good')], checksums, split: 'test' });
    expect(cacheEntries(cacheDir)).toEqual(['t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz']);
    const error = await failure(
      downloadMnist({ cacheDir: tempDir('dlkit-mnist-'), mirrors: [mirror('missing'), `${base}/missing`], checksums }),
    );
    expect(error.message).toBe(
      `Could not download train-images-idx3-ubyte.gz from any of 2 mirrors:\n  ${base}/missing/train-images-idx3-ubyte.gz: HTTP 404 Not Found\n  ${base}/missing/train-images-idx3-ubyte.gz: HTTP 404 Not Found`,
    );
  });

  test('a stalled server times out after timeoutMs without data, leaving nothing; an unreachable one fails too', async () => {
    const cacheDir = tempDir('dlkit-mnist-');
    const start = Date.now();
    const error = await failure(downloadMnist({ cacheDir, mirrors: [mirror('slow')], checksums, timeoutMs: 300 }));
    expect(Date.now() - start).toBeLessThan(3000);
    expect(error.message).toContain(
      `${mirror('slow')}train-images-idx3-ubyte.gz: timed out: no data for 300 ms after 10 of ${files.get('train-images-idx3-ubyte.gz')!.length} bytes`,
    );
    expect(cacheEntries(cacheDir)).toEqual([]);
    // A closed port on 127.0.0.1: connection refused, then the good mirror.
    await downloadMnist({
      cacheDir,
      mirrors: ['http://127.0.0.1:1/', mirror('slow'), mirror('good')],
      checksums,
      timeoutMs: 300,
      split: 'test',
    });
    expect(cacheEntries(cacheDir)).toEqual(['t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz']);
  });

  test('a corrupt file already in the cache is replaced by a verified one', async () => {
    const cacheDir = tempDir('dlkit-mnist-');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'train-labels-idx1-ubyte.gz'), 'half a file');
    requests.length = 0;
    await downloadMnist({ cacheDir, mirrors: [mirror('good')], checksums, split: 'train' });
    expect(readFileSync(join(cacheDir, 'train-labels-idx1-ubyte.gz')).equals(files.get('train-labels-idx1-ubyte.gz')!)).toBe(true);
    expect(requests).toHaveLength(2);
  });

  test('progress: onProgress sees bytes and percent; stderr shows it only on a terminal', async () => {
    const seen: DownloadProgress[] = [];
    await downloadMnist({
      cacheDir: tempDir('dlkit-mnist-'),
      mirrors: [mirror('good')],
      checksums,
      split: 'test',
      onProgress: (p) => seen.push(p),
    });
    const images = seen.filter((p) => p.file === 't10k-images-idx3-ubyte.gz');
    expect(images.at(-1)).toMatchObject({ bytes: files.get('t10k-images-idx3-ubyte.gz')!.length, percent: 100 });
    expect(images.at(-1)!.total).toBe(images.at(-1)!.bytes);

    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const wasTty = process.stderr.isTTY;
    try {
      process.stderr.isTTY = false;
      await downloadMnist({ cacheDir: tempDir('dlkit-mnist-'), mirrors: [mirror('good')], checksums, split: 'test' });
      expect(write).not.toHaveBeenCalled();
      process.stderr.isTTY = true;
      await downloadMnist({ cacheDir: tempDir('dlkit-mnist-'), mirrors: [mirror('good')], checksums, split: 'test' });
      const printed = write.mock.calls.map((c) => String(c[0])).join('');
      expect(printed).toMatch(/\rt10k-images-idx3-ubyte\.gz: 0\.0 \/ 0\.0 MB \(100%\)\n/);
    } finally {
      process.stderr.isTTY = wasTty;
      write.mockRestore();
    }
  });

  test('bad options are refused before any request', async () => {
    await expect(downloadMnist({ mirrors: [] })).rejects.toThrow('mirrors must be a non-empty array of base URLs');
    await expect(downloadMnist({ timeoutMs: 0 })).rejects.toThrow('timeoutMs must be a positive number, found 0');
    await expect(
      downloadMnist({ cacheDir: tempDir('dlkit-mnist-'), mirrors: [mirror('good')], checksums: { 'train-images-idx3-ubyte.gz': 'abc' } }),
    ).rejects.toThrow("checksum of train-images-idx3-ubyte.gz must be 64 (SHA-256) or 32 (MD5) hex digits, found 'abc'");
  });
});

test('defaultMnistCacheDir(env) follows XDG_CACHE_HOME, else ~/.cache', () => {
  expect(defaultMnistCacheDir({ XDG_CACHE_HOME: '/var/cache/me' })).toBe('/var/cache/me/dlkit/mnist');
  expect(defaultMnistCacheDir({})).toBe(join(homedir(), '.cache', 'dlkit', 'mnist'));
  expect(defaultMnistCacheDir({ XDG_CACHE_HOME: 'relative' })).toBe(join(homedir(), '.cache', 'dlkit', 'mnist'));
});
