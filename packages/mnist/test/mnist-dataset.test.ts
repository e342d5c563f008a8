import { tempDir } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';
import { loadMnist, type MnistDataset } from '../src/node';
import { writeMnistDirectory } from './_synthetic';

// 25 synthetic images: image i is filled with i/255 and labelled i mod 10, so order is visible.
async function synthetic(count = 25): Promise<MnistDataset> {
  return loadMnist({ source: writeMnistDirectory(tempDir('dlkit-mnist-'), count, 1) });
}
const indexOf = (images: Float32Array, k: number) => Math.round(images[k * 784]! * 255);

describe('dataset.batches(size, options)', () => {
  test('visits every image once in order, the last batch smaller', async () => {
    const data = await synthetic();
    const batches = [...data.batches(10)];
    expect(batches.map((b) => b.count)).toEqual([10, 10, 5]);
    expect(batches.map((b) => b.images.length)).toEqual([7840, 7840, 3920]);
    const order = batches.flatMap((b) => Array.from({ length: b.count }, (_, k) => indexOf(b.images, k)));
    expect(order).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(Array.from(batches[2]!.labels)).toEqual([0, 1, 2, 3, 4]);
  });

  test('dropRemainder leaves out the short batch; a size larger than the data gives one batch', async () => {
    const data = await synthetic();
    expect([...data.batches(10, { dropRemainder: true })].map((b) => b.count)).toEqual([10, 10]);
    expect([...data.batches(100)].map((b) => b.count)).toEqual([25]);
    expect([...data.batches(100, { dropRemainder: true })]).toEqual([]);
  });

  test('shuffle visits a permutation; the same seed gives the same order, and labels stay with their images', async () => {
    const data = await synthetic();
    const orderOf = (seed?: number) =>
      [...data.batches(7, { shuffle: true, seed })].flatMap((b) =>
        Array.from({ length: b.count }, (_, k) => {
          expect(b.labels[k]).toBe(indexOf(b.images, k) % 10);
          return indexOf(b.images, k);
        }),
      );
    const a = orderOf(1);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(a).not.toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(orderOf(1)).toEqual(a);
    expect(orderOf(2)).not.toEqual(a);
    // Without a seed each call draws a new order (30 draws of 25! orders cannot all agree by chance).
    const unseeded = new Set(Array.from({ length: 30 }, () => orderOf().join()));
    expect(unseeded.size).toBeGreaterThan(1);
  });

  test('batches are copies: writing to one leaves the dataset alone', async () => {
    const data = await synthetic();
    const [first] = data.batches(5);
    first!.images.fill(9);
    first!.labels.fill(9);
    expect(data.images[0]).toBe(0);
    expect(data.labels[1]).toBe(1);
  });

  test('bad sizes and seeds throw at the call, not on first use', async () => {
    const data = await synthetic();
    expect(() => data.batches(0)).toThrow('batches(size): expected a positive whole number, found 0');
    expect(() => data.batches(2.5)).toThrow('found 2.5');
    expect(() => data.batches(Number.NaN)).toThrow('found NaN');
    expect(() => data.batches(4, { shuffle: true, seed: 1.5 })).toThrow('seed }): expected a whole number in 0…2^32−1, found 1.5');
  });
});

describe('dataset.firstPerClass(n) and dataset.oneHot()', () => {
  test('firstPerClass gives the first n of each class, class-major', async () => {
    const data = await synthetic();
    const picked = data.firstPerClass(2);
    expect(picked.count).toBe(20);
    expect(Array.from(picked.labels)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9]);
    expect(Array.from({ length: 20 }, (_, k) => indexOf(picked.images, k))).toEqual([
      0, 10, 1, 11, 2, 12, 3, 13, 4, 14, 5, 15, 6, 16, 7, 17, 8, 18, 9, 19,
    ]);
    expect([picked.rows, picked.cols, picked.normalize]).toEqual([28, 28, '[0,1]']);
    // Classes 5…9 have only two images among 25; asking for 3 gives what there is.
    expect(Array.from(data.firstPerClass(3).labels)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9]);
    expect(data.firstPerClass(0).count).toBe(0);
    expect(() => data.firstPerClass(-1)).toThrow('firstPerClass(n): expected a whole number ≥ 0, found -1');
  });

  test('firstPerClass on the embedded data gives real digits of each class', async () => {
    const data = await loadMnist();
    const picked = data.firstPerClass(8);
    expect(picked.count).toBe(80);
    for (let k = 0; k < 80; k++) expect(picked.labels[k]).toBe(Math.floor(k / 8));
  });

  test('oneHot puts a single 1 at each label', async () => {
    const data = await synthetic(12);
    const hot = data.oneHot();
    expect(hot.length).toBe(120);
    for (let i = 0; i < 12; i++) {
      const row = Array.from(hot.subarray(i * 10, i * 10 + 10));
      expect(row.indexOf(1)).toBe(i % 10);
      expect(row.reduce((a, b) => a + b)).toBe(1);
    }
  });
});
