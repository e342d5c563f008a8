import { checkpointText, trainerFromText } from './_vae-checkpoint-json';
import type { VaeTrainer } from './create-vae-trainer';

// Browser-safe: a checkpoint as bytes, wherever they are kept (vae-checkpoint.ts reads and writes them as files in Node).

/**
 * The trainer (weights, Adam state, step count, loss history, config) as the bytes of one JSON document:
 * what saveVaeCheckpoint writes to its file, for keeping anywhere (a browser's IndexedDB, a download).
 * decodeVaeCheckpoint and loadVaeCheckpoint read it back bit-exactly. A VaeError unless `trainer` is a
 * live trainer from createVaeTrainer, loadVaeCheckpoint or decodeVaeCheckpoint.
 * @example
 * const bytes = await encodeVaeCheckpoint(trainer);
 * const resumed = decodeVaeCheckpoint(bytes); // the same trainer, continuing where it stood
 */
export async function encodeVaeCheckpoint(trainer: VaeTrainer): Promise<Uint8Array> {
  return new TextEncoder().encode(await checkpointText(trainer, 'encodeVaeCheckpoint'));
}

/**
 * Reads bytes written by encodeVaeCheckpoint (or a checkpoint file saveVaeCheckpoint wrote) into a trainer
 * that continues exactly where the saved one stopped (same weights bit for bit, Adam state, step count,
 * history). Bytes that are not such a checkpoint are one VaeError naming `source` and what is wrong.
 */
export function decodeVaeCheckpoint(bytes: Uint8Array, source = 'checkpoint'): VaeTrainer {
  return trainerFromText(new TextDecoder().decode(bytes), `decodeVaeCheckpoint: ${source}`);
}
