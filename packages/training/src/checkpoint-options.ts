import type { CheckpointSink } from './checkpoint-sink';
import type { RunEpochsOptions } from './run-epochs';

/**
 * The checkpoint options of {@link runEpochs} for a trainer's `checkpoint` option, a path or a
 * {@link CheckpointSink}: a path goes to `toPath` (the model's file writer, Node only) and is the
 * `checkpointTarget`; a sink gets `toBytes()` (the bytes that file would hold) and the step. Nothing
 * (no checkpoints) for undefined or ''.
 * @example
 * runEpochs({ ...plan, ...checkpointOptions(options.checkpoint, { toPath: (path) => saveMyCheckpoint(trainer, path), toBytes: () => encodeMyCheckpoint(trainer) }) });
 */
export function checkpointOptions(
  checkpoint: string | CheckpointSink | undefined,
  write: { toPath: (path: string) => Promise<string>; toBytes: () => Uint8Array | Promise<Uint8Array> },
): Pick<RunEpochsOptions, 'saveCheckpoint' | 'checkpointTarget'> {
  if (typeof checkpoint === 'function') return { saveCheckpoint: async (step) => checkpoint(await write.toBytes(), step) };
  if (!checkpoint) return {};
  return { saveCheckpoint: () => write.toPath(checkpoint), checkpointTarget: checkpoint };
}
