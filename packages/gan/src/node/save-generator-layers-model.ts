import { saveLayersModel } from '@dlkit/training/node';
import { exportGenerator } from '../export-generator';
import { GanError } from '../gan-error';
import type { GanTrainer } from '../gan-trainer';

/**
 * Node only: writes the trainer's generator (see exportGenerator) into `folder` as `model.json` (Keras
 * topology + weights manifest) and `weights.bin`, each atomically (npm's write-file-atomic: temporary file,
 * fsync, rename). The weights go first, so `model.json` never points at half-written ones; creates the
 * folder. Resolves to the path of `model.json`, what `tf.loadLayersModel('file://…')` (with tfjs-node) and
 * `tensorflowjs_converter --input_format=tfjs_layers_model` take. A failed write throws a GanError (kind
 * 'checkpoint') naming the folder.
 * @example
 * await saveGeneratorLayersModel(trainer, 'out/generator'); // out/generator/model.json, weights.bin
 */
export async function saveGeneratorLayersModel(trainer: GanTrainer, folder: string): Promise<string> {
  const artifacts = await exportGenerator(trainer);
  try {
    return await saveLayersModel(artifacts, folder);
  } catch (error) {
    throw new GanError(`saveGeneratorLayersModel: could not write ${folder}: ${error instanceof Error ? error.message : String(error)}`, {
      kind: 'checkpoint',
      cause: error,
    });
  }
}
