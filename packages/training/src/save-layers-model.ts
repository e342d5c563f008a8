import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs-core';
import writeFileAtomic from 'write-file-atomic';
import type { LayersModelArtifacts } from './layers-model-artifacts';

/**
 * Node only (`@dlkit/training/node`): writes `artifacts` into `folder` as `weights.bin` and `model.json`
 * (Keras topology + weights manifest), each atomically (npm's write-file-atomic: temporary file, fsync,
 * rename). The weights go first, so `model.json` never points at half-written ones; creates the folder.
 * Resolves to the path of `model.json`, what `tf.loadLayersModel('file://…')` (with tfjs-node) and
 * `tensorflowjs_converter --input_format=tfjs_layers_model` take. A failed write rejects with the file
 * system's error as it is (with its `code`), leaving the files that were there.
 * @example
 * await saveLayersModel(await layersModelArtifacts(topology, weights, '@my/model'), 'out/model'); // 'out/model/model.json'
 */
export async function saveLayersModel(artifacts: LayersModelArtifacts, folder: string): Promise<string> {
  const weightsFile = 'weights.bin';
  const modelJson: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    weightsManifest: [{ paths: [weightsFile], weights: artifacts.weightSpecs }],
  };
  const modelJsonPath = join(folder, 'model.json');
  await mkdir(folder, { recursive: true });
  await writeFileAtomic(join(folder, weightsFile), Buffer.from(artifacts.weightData));
  await writeFileAtomic(modelJsonPath, JSON.stringify(modelJson));
  return modelJsonPath;
}
