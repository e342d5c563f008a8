import { saveLayersModel } from '@dlkit/training/node';
import type { Vae } from '../create-vae';
import { type ExportVaeDecoderOptions, exportVaeDecoder } from '../export-vae-decoder';
import { VaeError } from '../vae-error';

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
  try {
    return await saveLayersModel(artifacts, folder);
  } catch (error) {
    throw new VaeError(`saveVaeDecoderLayersModel: could not write ${folder}: ${error instanceof Error ? error.message : String(error)}`, {
      kind: 'input',
      cause: error,
    });
  }
}
