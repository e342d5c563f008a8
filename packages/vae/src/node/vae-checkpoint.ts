// Node only: checkpoints as files; the JSON in them is _vae-checkpoint-json.ts's (every platform).
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { checkpointText, trainerFromText } from '../_vae-checkpoint-json';
import type { VaeTrainer } from '../create-vae-trainer';
import { VaeError } from '../vae-error';

/**
 * Writes the trainer (weights, Adam state, step count, loss history, config) to one JSON file,
 * atomically (npm's write-file-atomic: a temporary file in the same folder, fsync, rename), so a crash
 * never leaves half a file.
 * Resolves to the path written.
 * @example
 * await saveVaeCheckpoint(trainer, 'out/vae-checkpoint.json');
 */
export async function saveVaeCheckpoint(trainer: VaeTrainer, path: string): Promise<string> {
  const text = await checkpointText(trainer, 'saveVaeCheckpoint');
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, text);
    return path;
  } catch (error) {
    throw new VaeError(`saveVaeCheckpoint: could not write ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      kind: 'input',
      cause: error,
    });
  }
}

/**
 * Reads a checkpoint written by saveVaeCheckpoint back into a trainer that continues exactly where
 * the saved one stopped (same weights bit for bit, Adam state, step count, history).
 * A missing, malformed or mismatched file is one VaeError naming what is wrong.
 */
export async function loadVaeCheckpoint(path: string): Promise<VaeTrainer> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new VaeError(`loadVaeCheckpoint: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      kind: 'input',
      cause: error,
    });
  }
  return trainerFromText(text, `loadVaeCheckpoint: ${path}`);
}
