import type { GanTrainer } from '@dlkit/gan';
import { imageGrid } from '@dlkit/plot';

/** Rows of digits in a sample grid. */
export const sampleGridRows = 8;

/** Columns of a sample grid: one per class for a class-conditional GAN (every row reads 0 to 9), else 8. */
export function sampleGridColumns(classCount: number): number {
  return classCount > 0 ? classCount : 8;
}

/**
 * The trainer's samples from its fixed progress noise as a PNG grid (zoom 2), the picture the CLI writes
 * each epoch and the page shows: 8 × 8 digits, or for a class-conditional GAN one column per class, so
 * that every row reads 0 to 9 (generate takes the classes in turn).
 */
export function sampleGridPng(trainer: GanTrainer): Uint8Array {
  const columns = sampleGridColumns(trainer.config.classCount);
  const samples = trainer.generate(columns * sampleGridRows);
  try {
    const [height, width] = trainer.config.imageShape;
    return imageGrid(samples, { width, height, range: '[-1,1]', columns, scale: 2, spacing: 2 });
  } finally {
    samples.dispose();
  }
}
