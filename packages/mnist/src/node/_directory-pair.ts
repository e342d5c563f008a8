import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ImageLabelPair, imageLabelPair } from '../_image-label-pair';
import { MnistDataError } from '../mnist-data-error';
import { readIdx } from './read-idx';

const splitFiles = {
  train: { images: ['train-images', 'idx3-ubyte'], labels: ['train-labels', 'idx1-ubyte'] },
  test: { images: ['t10k-images', 'idx3-ubyte'], labels: ['t10k-labels', 'idx1-ubyte'] },
} as const;

// The standard names, plus the `train-images.idx3-ubyte` spelling some copies use; raw or gzipped.
function candidates([stem, kind]: readonly [string, string]): string[] {
  return [`${stem}-${kind}`, `${stem}-${kind}.gz`, `${stem}.${kind}`, `${stem}.${kind}.gz`];
}

function findFile(dir: string, entries: string[], parts: readonly [string, string]): string {
  const names = candidates(parts);
  const found = names.find((name) => entries.includes(name));
  if (!found) {
    const idx = entries.filter((name) => /idx\d/.test(name));
    throw new MnistDataError(
      `${dir}: missing ${names[0]}: expected one of ${names.join(', ')}, found ${idx.length ? idx.join(', ') : 'no IDX files'}`,
      { file: join(dir, names[0]!) },
    );
  }
  return join(dir, found);
}

/** Reads one split ('train' or 'test') of an MNIST-layout directory: images and labels validated as a pair. */
export function directoryPair(dir: string, split: 'train' | 'test'): ImageLabelPair {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    throw new MnistDataError(`Cannot read the data directory ${dir}: ${(error as Error).message}`, { file: dir, cause: error });
  }
  const imagesPath = findFile(dir, entries, splitFiles[split].images);
  const labelsPath = findFile(dir, entries, splitFiles[split].labels);
  return imageLabelPair(readIdx(imagesPath), imagesPath, readIdx(labelsPath), labelsPath);
}

/** Train followed by test, as one pair. */
export function concatPairs(first: ImageLabelPair, second: ImageLabelPair, dir: string): ImageLabelPair {
  if (first.rows !== second.rows || first.cols !== second.cols) {
    throw new MnistDataError(
      `${dir}: train and test image sizes differ: expected ${first.rows}×${first.cols} in both, found ${second.rows}×${second.cols} in test`,
      { file: dir },
    );
  }
  const pixels = new Uint8Array(first.pixels.length + second.pixels.length);
  pixels.set(first.pixels);
  pixels.set(second.pixels, first.pixels.length);
  const labels = new Uint8Array(first.count + second.count);
  labels.set(first.labels);
  labels.set(second.labels, first.count);
  return { pixels, labels, count: first.count + second.count, rows: first.rows, cols: first.cols };
}
