import type { GanTrainer } from '@dlkit/gan';
import { imageGrid, writeFileAtomic } from '@dlkit/plot/node';

/** Digits per grid: the trainer's fixed noise batch, 8 × 8. */
const gridSize = 64;

/** Writes the trainer's samples from its fixed progress noise as an 8 × 8 PNG grid (2× zoom), atomically. */
export async function writeSampleGrid(trainer: GanTrainer, path: string): Promise<void> {
  const samples = trainer.generate(gridSize);
  try {
    const [height, width] = trainer.config.imageShape;
    await writeFileAtomic(path, imageGrid(samples, { width, height, range: '[-1,1]', columns: 8, scale: 2, spacing: 2 }));
  } finally {
    samples.dispose();
  }
}
