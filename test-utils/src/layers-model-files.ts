import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** What a tfjs layers-model `model.json` holds (the fields a loader reads). */
interface ModelJson {
  modelTopology: object;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  weightsManifest: {
    paths: string[];
    weights: { name: string; shape: number[]; dtype: 'float32' | 'int32' | 'bool' | 'string' | 'complex64' }[];
  }[];
}

/**
 * A tfjs IOHandler that loads `model.json` and its weight files from disk: what `file://` does with
 * tfjs-node, which the tests do not install. Pass it to tfjs-layers' `loadLayersModel`.
 */
export function layersModelFiles(modelJsonPath: string) {
  return {
    async load() {
      const json = JSON.parse(await readFile(modelJsonPath, 'utf8')) as ModelJson;
      const paths = json.weightsManifest.flatMap((group) => group.paths);
      const files = await Promise.all(paths.map((path) => readFile(join(dirname(modelJsonPath), path))));
      const weightData = new Uint8Array(files.reduce((sum, file) => sum + file.length, 0));
      let offset = 0;
      for (const file of files) {
        weightData.set(file, offset);
        offset += file.length;
      }
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
        weightData: weightData.buffer,
      };
    },
  };
}
