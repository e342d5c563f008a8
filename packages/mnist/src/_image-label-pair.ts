import { hex, idxTypeByName } from './_idx-types';
import { classCount } from './_dataset';
import type { IdxArray } from './idx-array';
import { MnistDataError } from './mnist-data-error';

/** Validated images and labels of one split, still as bytes. */
export interface ImageLabelPair {
  readonly pixels: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
}

const imagesMagic = 0x00000803;
const labelsMagic = 0x00000801;

function magicOf(array: IdxArray): number {
  return ((idxTypeByName(array.type)?.code ?? 0) << 8) | array.dims.length;
}

function describeMagic(array: IdxArray): string {
  const magic = magicOf(array);
  return `${array.type} with ${array.dims.length} dimension${array.dims.length === 1 ? '' : 's'} ${array.dims.join('×')} (magic ${hex(magic, 8)} = ${magic})`;
}

/** Checks that an image file and a label file form one MNIST-layout split: uint8 n×rows×cols, uint8 n, labels 0…9. */
export function imageLabelPair(images: IdxArray, imagesName: string, labels: IdxArray, labelsName: string): ImageLabelPair {
  if (magicOf(images) !== imagesMagic) {
    throw new MnistDataError(
      `${imagesName}: expected an image file (uint8 with 3 dimensions, magic ${hex(imagesMagic, 8)} = ${imagesMagic}), found ${describeMagic(images)}`,
      { file: imagesName },
    );
  }
  if (magicOf(labels) !== labelsMagic) {
    throw new MnistDataError(
      `${labelsName}: expected a label file (uint8 with 1 dimension, magic ${hex(labelsMagic, 8)} = ${labelsMagic}), found ${describeMagic(labels)}`,
      { file: labelsName },
    );
  }
  const [count, rows, cols] = images.dims as [number, number, number];
  const labelCount = labels.dims[0]!;
  if (count !== labelCount) {
    throw new MnistDataError(
      `${imagesName} and ${labelsName}: image and label counts differ: expected ${count} labels (one per image), found ${labelCount}`,
      { file: labelsName },
    );
  }
  const labelBytes = labels.data as Uint8Array;
  for (let i = 0; i < labelBytes.length; i++) {
    if (labelBytes[i]! >= classCount) {
      throw new MnistDataError(`${labelsName}: label ${i} is ${labelBytes[i]}: expected a class in 0…${classCount - 1}`, {
        file: labelsName,
      });
    }
  }
  return { pixels: images.data as Uint8Array, labels: labelBytes, count, rows, cols };
}
