import { join } from 'node:path';
import { imageGrid, writeFileAtomic } from '@dlkit/plot/node';
import type { Vae, VaeDataset } from '@dlkit/vae';
import * as tf from '@tensorflow/tfjs-core';

/** Digits per row of both figures. */
const columns = 8;
/** Prior samples: 8 × 8, always from the same noise so runs and epochs compare. */
const sampleCount = 64;
/** Test digits reconstructed: two pairs of rows (originals above their reconstructions). */
const reconstructedCount = 16;
const sampleSeed = 1;

/** The file names {@link writeVaeFigures} writes. */
export const vaeFigureNames = { samples: 'samples.png', reconstructions: 'reconstructions.png' } as const;

/**
 * Writes samples.png (decoded z ~ N(0, I) from fixed noise) and reconstructions.png (the first test
 * digits, each row of originals above a row of their reconstructions) into `dir`, atomically.
 */
export async function writeVaeFigures(vae: Vae, test: VaeDataset, dir: string): Promise<void> {
  const [height, width] = [28, 28];
  const size = vae.config.inputSize;
  const samples = vae.sample(sampleCount, { seed: sampleSeed });
  const count = Math.min(reconstructedCount, test.count);
  const originals = tf.tensor2d(test.images.subarray(0, count * size), [count, size]);
  const reconstructions = vae.reconstruct(originals);
  try {
    const grid = { width, height, columns, scale: 2, spacing: 2 };
    await writeFileAtomic(join(dir, vaeFigureNames.samples), imageGrid(samples, grid));
    const rebuilt = reconstructions.dataSync();
    const tiles: Float32Array[] = [];
    for (let row = 0; row < count; row += columns) {
      const end = Math.min(count, row + columns);
      for (let i = row; i < end; i++) tiles.push(test.images.subarray(i * size, (i + 1) * size));
      for (let i = row; i < end; i++) tiles.push(rebuilt.subarray(i * size, (i + 1) * size) as Float32Array);
    }
    await writeFileAtomic(join(dir, vaeFigureNames.reconstructions), imageGrid(tiles, { ...grid, columns: Math.min(columns, count) }));
  } finally {
    tf.dispose([samples, originals, reconstructions]);
  }
}
