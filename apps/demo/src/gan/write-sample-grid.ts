import type { GanTrainer } from '@dlkit/gan';
import { writeFileAtomic } from '@dlkit/plot/node';
import { sampleGridPng } from './sample-grid-png';

/** Writes the trainer's sample grid (see sampleGridPng) as a PNG file, atomically. */
export async function writeSampleGrid(trainer: GanTrainer, path: string): Promise<void> {
  await writeFileAtomic(path, sampleGridPng(trainer));
}
