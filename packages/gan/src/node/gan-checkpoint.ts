// Node only: checkpoints as files. The bytes themselves are gan-checkpoint-bytes.ts's (every platform).
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { decodeGanCheckpoint, encodeGanCheckpoint } from '../gan-checkpoint-bytes';
import { GanError } from '../gan-error';
import { type GanTrainer, restoreGanTrainer } from '../gan-trainer';

/** The file name used when a checkpoint path names a directory. */
export const checkpointFileName = 'gan-checkpoint.bin';

/**
 * Saves the trainer's whole state atomically (npm's write-file-atomic: temporary file, fsync, rename): a crash mid-write leaves
 * the previous checkpoint intact. `path` is a file, or a directory (existing, or ending in '/') that
 * gets `gan-checkpoint.bin`. Resolves to the file written.
 */
export async function saveGanCheckpoint(trainer: GanTrainer, path: string): Promise<string> {
  const file = await checkpointFile(path);
  const bytes = encodeGanCheckpoint(trainer.snapshot());
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new GanError(`could not write checkpoint ${file}: ${error instanceof Error ? error.message : String(error)}`, {
      kind: 'checkpoint',
      cause: error,
    });
  }
  return file;
}

/** Loads a checkpoint (file, or directory holding `gan-checkpoint.bin`) into a new trainer, bit-exactly. */
export async function loadGanCheckpoint(path: string): Promise<GanTrainer> {
  const file = await checkpointFile(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new GanError(code === 'ENOENT' ? `no checkpoint at ${file}` : `could not read checkpoint ${file}: ${String(error)}`, {
      kind: 'checkpoint',
      cause: error,
    });
  }
  return restoreGanTrainer(decodeGanCheckpoint(bytes, file));
}

/** The file a checkpoint path stands for. */
export async function checkpointFile(path: string): Promise<string> {
  if (path.endsWith('/') || path.endsWith('\\')) return join(path, checkpointFileName);
  try {
    if ((await stat(path)).isDirectory()) return join(path, checkpointFileName);
  } catch {
    // Not there yet: a file path.
  }
  return path;
}
