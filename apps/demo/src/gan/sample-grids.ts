import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One samples-epoch-NNN.png found in an output folder. */
export interface SampleGrid {
  epoch: number;
  file: string;
  png: Uint8Array;
}

const samplePattern = /^samples-epoch-(\d+)\.png$/;

/** The file name of an epoch's sample grid: `samples-epoch-007.png`. */
export function sampleGridName(epoch: number): string {
  return `samples-epoch-${String(epoch).padStart(3, '0')}.png`;
}

/** Every sample grid in `dir`, in epoch order (an empty list when there are none). */
export async function readSampleGrids(dir: string): Promise<SampleGrid[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const grids = await Promise.all(
    names
      .map((name) => ({ name, match: samplePattern.exec(name) }))
      .filter(({ match }) => match !== null)
      .map(async ({ name, match }) => ({
        epoch: Number(match![1]),
        file: join(dir, name),
        png: new Uint8Array(await readFile(join(dir, name))),
      })),
  );
  return grids.sort((a, b) => a.epoch - b.epoch);
}
