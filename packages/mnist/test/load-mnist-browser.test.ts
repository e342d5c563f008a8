import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
// The main entry as a browser bundle gets it (in Node, '@dlkit/mnist' is src/node.ts): the same loadMnist
// and readIdx, without what needs a file system.
import { loadMnist, loadReferenceDigits, MnistDataError, readIdx, writeIdx } from '../src/index';

const assets = new URL('../assets/', import.meta.url);
const embedded = {
  images: new URL('embedded-images-idx3-ubyte.gz', assets),
  labels: new URL('embedded-labels-idx1-ubyte.gz', assets),
};

test('loadMnist(options) of the main entry loads the embedded digits; embeddedFiles gives them as bytes (gzipped or raw) or URLs instead', async () => {
  const fromAssets = await loadMnist({ limit: 5 });
  const gzipped = { images: readFileSync(embedded.images), labels: new Uint8Array(readFileSync(embedded.labels)).buffer };
  const fromBytes = await loadMnist({ limit: 5, embeddedFiles: gzipped });
  const raw = {
    images: writeIdx(readIdx(readFileSync(embedded.images))),
    labels: writeIdx(readIdx(readFileSync(embedded.labels))),
  };
  const fromRaw = await loadMnist({ limit: 5, embeddedFiles: raw });
  const fromUrls = await loadMnist({ limit: 5, embeddedFiles: { images: embedded.images, labels: embedded.labels.href } });
  for (const other of [fromBytes, fromRaw, fromUrls]) {
    expect(other.labels).toEqual(fromAssets.labels);
    expect(other.images).toEqual(fromAssets.images);
  }
  const reference = await loadReferenceDigits({ count: 3, embeddedFiles: gzipped });
  expect(reference.labels).toEqual((await loadReferenceDigits({ count: 3 })).labels);
});

test('loadMnist(options) of the main entry refuses what only Node reads, and names where to get it', async () => {
  // @ts-expect-error: 'download' is Node's (checked at run time for JavaScript callers)
  await expect(loadMnist({ source: 'download' })).rejects.toThrow(
    /^loadMnist: source "download" is read only in Node \('@dlkit\/mnist' there, or '@dlkit\/mnist\/node'/,
  );
  const missing = { images: new URL('file:///nonexistent/images.gz'), labels: embedded.labels };
  await expect(loadMnist({ embeddedFiles: missing })).rejects.toThrow(MnistDataError);
  await expect(loadMnist({ embeddedFiles: missing })).rejects.toThrow(
    /^Cannot load the embedded MNIST images from file:\/\/\/nonexistent\/images\.gz: /,
  );
  // @ts-expect-error: checked at run time for JavaScript callers
  await expect(loadMnist({ embeddedFiles: { images: 42, labels: embedded.labels } })).rejects.toThrow(
    'loadMnist: embeddedFiles.images must be a Uint8Array, an ArrayBuffer, a URL or a URL string, found number',
  );
});

test('readIdx(bytes) of the main entry takes a Uint8Array or an ArrayBuffer; a path is one TypeError saying where paths are read', () => {
  const bytes = writeIdx({ dims: [3], data: Uint8Array.of(7, 2, 1) }, { gzip: true });
  expect(readIdx(bytes).data).toEqual(Uint8Array.of(7, 2, 1));
  expect(readIdx(bytes.slice().buffer).data).toEqual(Uint8Array.of(7, 2, 1));
  // @ts-expect-error: a path is Node's
  expect(() => readIdx('data/t10k-labels-idx1-ubyte.gz')).toThrow(
    "readIdx: a file path is read only in Node ('@dlkit/mnist' there, or '@dlkit/mnist/node'); here pass the file's bytes (a Uint8Array or an ArrayBuffer)",
  );
});
