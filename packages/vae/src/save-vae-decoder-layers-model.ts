import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs-core';
import writeFileAtomic from 'write-file-atomic';
import type { Vae } from './create-vae';
import { type ExportVaeDecoderOptions, exportVaeDecoder } from './export-vae-decoder';
import { VaeError } from './vae-error';

/**
 * Node only: writes the VAE's decoder (see exportVaeDecoder, whose options it takes) into `folder` as
 * `model.json` (Keras topology + weights manifest) and `weights.bin`, each atomically (npm's
 * write-file-atomic: temporary file, fsync, rename). The weights go first, so `model.json` never points at
 * half-written ones; creates the folder. Resolves to the path of `model.json`, what
 * `tf.loadLayersModel('file://…')` (with tfjs-node) and `tensorflowjs_converter --input_format=tfjs_layers_model`
 * take. A failed write throws a VaeError naming the folder.
 * @example
 * await saveVaeDecoderLayersModel(trainer.vae, 'out/decoder', { imageShape: [28, 28] });
 */
export async function saveVaeDecoderLayersModel(vae: Vae, folder: string, options?: ExportVaeDecoderOptions): Promise<string> {
  const artifacts = await exportVaeDecoder(vae, options);
  const weightsFile = 'weights.bin';
  const modelJson: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    weightsManifest: [{ paths: [weightsFile], weights: artifacts.weightSpecs }],
  };
  const modelJsonPath = join(folder, 'model.json');
  try {
    await mkdir(folder, { recursive: true });
    await writeFileAtomic(join(folder, weightsFile), Buffer.from(artifacts.weightData));
    await writeFileAtomic(modelJsonPath, JSON.stringify(modelJson));
  } catch (error) {
    throw new VaeError(`saveVaeDecoderLayersModel: could not write ${folder}: ${error instanceof Error ? error.message : String(error)}`, {
      kind: 'input',
      cause: error,
    });
  }
  return modelJsonPath;
}
