import { join } from 'node:path';
import { writeIdxFile } from '../src/node';

/** Images whose pixels encode their index and labels i mod 10, so any reordering is visible. */
export function syntheticSplit(count: number, rows = 28, cols = 28) {
  const pixels = new Uint8Array(count * rows * cols);
  for (let i = 0; i < count; i++) pixels.fill(i % 256, i * rows * cols, (i + 1) * rows * cols);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) labels[i] = i % 10;
  return { pixels, labels, rows, cols };
}

/** A directory in the MNIST layout with `train` and `test` synthetic images. */
export function writeMnistDirectory(dir: string, train: number, test: number, gzip = false): string {
  const ext = gzip ? '.gz' : '';
  for (const [prefix, count] of [
    ['train', train],
    ['t10k', test],
  ] as const) {
    const { pixels, labels, rows, cols } = syntheticSplit(count);
    writeIdxFile(join(dir, `${prefix}-images-idx3-ubyte${ext}`), { dims: [count, rows, cols], data: pixels });
    writeIdxFile(join(dir, `${prefix}-labels-idx1-ubyte${ext}`), { dims: [count], data: labels });
  }
  return dir;
}

/** Byte-wise equality of two typed arrays; vitest's deep equality is far too slow for millions of floats. */
export function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
