import { join } from 'node:path';
import { tempDir } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';
import { embeddedTrainCount, loadMnist, MnistDataError, writeIdxFile } from '../src/node';
import { sameBytes, syntheticSplit, writeMnistDirectory } from './_synthetic';

function fingerprint(images: Float32Array, index: number): string {
  return Buffer.from(images.buffer, images.byteOffset + index * 784 * 4, 784 * 4).toString('base64');
}

describe("loadMnist({ source: 'embedded' })", () => {
  test('gives 8,000 train and 2,000 test 28×28 images in [0,1], which together are the 10,000 of all', async () => {
    const [train, testSplit, all] = await Promise.all([loadMnist(), loadMnist({ split: 'test' }), loadMnist({ split: 'all' })]);
    expect([train.count, testSplit.count, all.count]).toEqual([embeddedTrainCount, 2000, 10000]);
    expect([train.rows, train.cols, train.images.length, train.labels.length]).toEqual([28, 28, 8000 * 784, 8000]);
    expect(train.normalize).toBe('[0,1]');
    expect(Math.min(...train.images.subarray(0, 784 * 50))).toBe(0);
    expect(Math.max(...train.images.subarray(0, 784 * 50))).toBe(1);
    // 'all' is train followed by test.
    expect(sameBytes(all.images.subarray(0, 8000 * 784), train.images)).toBe(true);
    expect(sameBytes(all.images.subarray(8000 * 784), testSplit.images)).toBe(true);
    expect(sameBytes(all.labels, Uint8Array.from([...train.labels, ...testSplit.labels]))).toBe(true);
    // Every class appears in both splits, roughly 80/20, and the class totals are the package's.
    const counts = (labels: Uint8Array) => Array.from({ length: 10 }, (_, d) => labels.filter((l) => l === d).length);
    expect(counts(all.labels)).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    for (const [a, b] of counts(train.labels).map((n, d) => [n, counts(testSplit.labels)[d]!])) expect(a! / (a! + b!)).toBeGreaterThan(0.7);
  });

  test('train and test share no image', async () => {
    const train = await loadMnist();
    const testSplit = await loadMnist({ split: 'test' });
    const seen = new Set(Array.from({ length: train.count }, (_, i) => fingerprint(train.images, i)));
    // The package's 10,000 digits are pairwise distinct, so any shared image means the split leaks.
    const shared = Array.from({ length: testSplit.count }, (_, i) => fingerprint(testSplit.images, i)).filter((f) => seen.has(f));
    expect(seen.size).toBe(8000);
    expect(shared.length).toBe(0);
  });

  test('the split is fixed by the seed: same seed same order, another seed another split', async () => {
    const a = await loadMnist({ limit: 50 });
    const b = await loadMnist({ limit: 50 });
    const c = await loadMnist({ limit: 50, seed: 7 });
    expect(b.labels).toEqual(a.labels);
    expect(sameBytes(b.images, a.images)).toBe(true);
    expect(sameBytes(c.images, a.images)).toBe(false);
    // Shuffled, not class-major: the first 50 hold many classes.
    expect(new Set(a.labels).size).toBeGreaterThan(5);
  });

  test("limit keeps the first N of the split; normalize '[-1,1]' maps byte b to b/127.5 − 1", async () => {
    const unit = await loadMnist({ limit: 100 });
    const signed = await loadMnist({ limit: 100, normalize: '[-1,1]' });
    expect(unit.count).toBe(100);
    expect(unit.labels).toEqual((await loadMnist()).labels.subarray(0, 100));
    expect(signed.labels).toEqual(unit.labels);
    const values = new Set(signed.images);
    expect(Math.min(...values)).toBe(-1);
    expect(Math.max(...values)).toBe(1);
    for (let i = 0; i < unit.images.length; i += 97) {
      const byte = Math.round(unit.images[i]! * 255);
      expect(unit.images[i]).toBe(Math.fround(byte / 255));
      expect(signed.images[i]).toBe(Math.fround(byte / 127.5 - 1));
    }
    expect((await loadMnist({ split: 'test', limit: 1e6 })).count).toBe(2000);
  });

  test('bad options throw one clear error', async () => {
    await expect(loadMnist({ split: 'validation' as 'train' })).rejects.toThrow("split must be 'train', 'test' or 'all', found validation");
    await expect(loadMnist({ normalize: '0-1' as '[0,1]' })).rejects.toThrow("normalize must be '[0,1]' or '[-1,1]', found 0-1");
    await expect(loadMnist({ limit: 0 })).rejects.toThrow('limit must be a whole number ≥ 1, found 0');
    await expect(loadMnist({ limit: Number.NaN })).rejects.toThrow('found NaN');
    await expect(loadMnist({ seed: -1 })).rejects.toThrow('seed must be a whole number in 0…2^32−1, found -1');
    await expect(loadMnist({ source: '' })).rejects.toThrow('source must be');
  });
});

describe('loadMnist({ source: directory })', () => {
  test('reads the four standard files, raw or gzipped, for train, test and all', async () => {
    for (const gzip of [false, true]) {
      const dir = writeMnistDirectory(tempDir('dlkit-mnist-'), 30, 12, gzip);
      const train = await loadMnist({ source: dir });
      const testSplit = await loadMnist({ source: dir, split: 'test', normalize: '[-1,1]' });
      const all = await loadMnist({ source: dir, split: 'all', limit: 35 });
      expect([train.count, testSplit.count, all.count]).toEqual([30, 12, 35]);
      expect(train.images[29 * 784]).toBe(Math.fround(29 / 255));
      expect(testSplit.images[11 * 784 + 5]).toBe(Math.fround(11 / 127.5 - 1));
      expect(Array.from(train.labels.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
      // all = train then test: image 32 is test image 2.
      expect(all.images[32 * 784]).toBe(Math.fround(2 / 255));
    }
  });

  test('other IDX data sets in the same layout work (different image size, dotted names like Kaggle copies)', async () => {
    const dir = tempDir('dlkit-mnist-');
    const { pixels, labels } = syntheticSplit(20, 32, 24);
    writeIdxFile(join(dir, 'train-images.idx3-ubyte'), { dims: [20, 32, 24], data: pixels });
    writeIdxFile(join(dir, 'train-labels.idx1-ubyte.gz'), { dims: [20], data: labels });
    const data = await loadMnist({ source: dir });
    expect([data.count, data.rows, data.cols, data.images.length]).toEqual([20, 32, 24, 20 * 32 * 24]);
  });

  test('a missing file names what was looked for and what is there', async () => {
    const dir = writeMnistDirectory(tempDir('dlkit-mnist-'), 5, 5);
    await expect(loadMnist({ source: join(dir, 'nope') })).rejects.toThrow(/Cannot read the data directory .*nope/);
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 't10k-labels-idx1-ubyte'));
    const error = await loadMnist({ source: dir, split: 'test' }).catch((e: unknown) => e as MnistDataError);
    expect(error).toBeInstanceOf(MnistDataError);
    expect((error as Error).message).toMatch(
      /missing t10k-labels-idx1-ubyte: expected one of t10k-labels-idx1-ubyte, t10k-labels-idx1-ubyte\.gz, .*found t10k-images-idx3-ubyte, train-images/,
    );
    // The train split does not need the test files.
    expect((await loadMnist({ source: dir })).count).toBe(5);
  });

  test('image and label counts that differ, labels outside 0–9 and swapped files are refused by name', async () => {
    const dir = writeMnistDirectory(tempDir('dlkit-mnist-'), 10, 4);
    writeIdxFile(join(dir, 't10k-labels-idx1-ubyte'), { dims: [3], data: Uint8Array.of(1, 2, 3) });
    await expect(loadMnist({ source: dir, split: 'test' })).rejects.toThrow(
      /t10k-images-idx3-ubyte and .*t10k-labels-idx1-ubyte: image and label counts differ: expected 4 labels \(one per image\), found 3/,
    );
    writeIdxFile(join(dir, 't10k-labels-idx1-ubyte'), { dims: [4], data: Uint8Array.of(1, 2, 10, 3) });
    await expect(loadMnist({ source: dir, split: 'test' })).rejects.toThrow(
      /t10k-labels-idx1-ubyte: label 2 is 10: expected a class in 0…9/,
    );
    writeIdxFile(join(dir, 't10k-labels-idx1-ubyte'), { dims: [4, 1, 1], data: Uint8Array.of(1, 2, 3, 4) });
    await expect(loadMnist({ source: dir, split: 'test' })).rejects.toThrow(
      /t10k-labels-idx1-ubyte: expected a label file \(uint8 with 1 dimension, magic 0x00000801 = 2049\), found uint8 with 3 dimensions 4×1×1 \(magic 0x00000803 = 2051\)/,
    );
    writeIdxFile(join(dir, 'train-images-idx3-ubyte'), { dims: [10, 784], data: new Float32Array(7840) });
    await expect(loadMnist({ source: dir })).rejects.toThrow(
      /train-images-idx3-ubyte: expected an image file .*found float32 with 2 dimensions 10×784 \(magic 0x00000D02 = 3330\)/,
    );
  });

  test("'all' refuses train and test of different image sizes", async () => {
    const dir = writeMnistDirectory(tempDir('dlkit-mnist-'), 4, 4);
    const { pixels, labels } = syntheticSplit(4, 20, 20);
    writeIdxFile(join(dir, 't10k-images-idx3-ubyte'), { dims: [4, 20, 20], data: pixels });
    writeIdxFile(join(dir, 't10k-labels-idx1-ubyte'), { dims: [4], data: labels });
    await expect(loadMnist({ source: dir, split: 'all' })).rejects.toThrow(
      /train and test image sizes differ: expected 28×28 in both, found 20×20 in test/,
    );
  });
});
