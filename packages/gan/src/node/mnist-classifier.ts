import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { platform } from '#gan-platform';
import { GanError } from '../gan-error';
import { classifierFromBytes, loadMnistClassifier as loadClassifier, type MnistClassifier } from '../mnist-classifier';

/** Where the classifier shipped in this package lies (found from the ESM and the CJS build alike). */
export function mnistClassifierPath(): string {
  return fileURLToPath(platform.classifierUrl());
}

/**
 * Node's loadMnistClassifier: the main entry's, where a string is a file path (default: the shipped
 * classifier, {@link mnistClassifierPath}).
 */
export async function loadMnistClassifier(
  source: string | Uint8Array | ArrayBuffer | URL = mnistClassifierPath(),
): Promise<MnistClassifier> {
  if (typeof source !== 'string') return loadClassifier(source);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(source);
  } catch (error) {
    throw new GanError(`could not read the MNIST classifier at ${source}: ${error instanceof Error ? error.message : String(error)}`, {
      kind: 'input',
      cause: error,
    });
  }
  return classifierFromBytes(bytes, source);
}
