import type { DenseActivation } from '@dlkit/backend';

/** One dense layer of the shipped classifier. */
export interface ClassifierLayer {
  inputs: number;
  outputs: number;
  activation: DenseActivation;
}

/** What the classifier file's JSON header says about the network and how it was made. */
export interface ClassifierHeader {
  format: 'dlkit-mnist-classifier';
  layers: ClassifierLayer[];
  /** Pixels are expected in this range. */
  normalize: '[-1,1]';
  /** Accuracy on the embedded test split, measured by the training script. */
  testAccuracy: number;
  /** How it was trained, in words. */
  trainedOn: string;
}

export const classifierMagic = 'DLKITCLS';

/**
 * 'DLKITCLS', uint32 version 1, uint32 header length, JSON header, padding to 4 bytes, then each
 * layer's weights [inputs × outputs] and bias [outputs] as little-endian float32.
 */
export function decodeClassifierFile(bytes: Uint8Array, source: string): { header: ClassifierHeader; values: Float32Array } {
  const bad = (why: string): never => {
    throw new Error(`${source} is not a dlkit MNIST classifier file: ${why}`);
  };
  if (bytes.length < 16 || new TextDecoder().decode(bytes.subarray(0, 8)) !== classifierMagic)
    bad(`it does not start with ${classifierMagic}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8, true) !== 1) bad(`version ${view.getUint32(8, true)}, expected 1`);
  const headerLength = view.getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + headerLength))) as ClassifierHeader;
  const start = Math.ceil((16 + headerLength) / 4) * 4;
  const expected = header.layers.reduce((sum, layer) => sum + layer.inputs * layer.outputs + layer.outputs, 0);
  if (bytes.length !== start + expected * 4) bad(`expected ${start + expected * 4} bytes, found ${bytes.length}`);
  const values = new Float32Array(expected);
  new Uint8Array(values.buffer).set(bytes.subarray(start));
  return { header, values };
}
