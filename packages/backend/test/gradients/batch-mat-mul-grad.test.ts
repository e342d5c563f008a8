import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, test } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';
import { bothGradients, expectAllClose, random } from '../_compare-with-stock';

afterAll(() => setFastKernels(true));

describe.each(['wasm', 'cpu'] as const)('BatchMatMul gradient on %s', (backend) => {
  // [a shape, b shape]: plain products, ones where the swapped form wins (wide b), and batched ones.
  const products: [number[], number[]][] = [
    [
      [5, 7],
      [7, 3],
    ],
    [
      [4, 6],
      [6, 40],
    ],
    [
      [40, 6],
      [6, 4],
    ],
    [
      [1, 4, 6],
      [1, 6, 40],
    ],
    [
      [3, 4, 6],
      [3, 6, 5],
    ],
    // long multiples of 128 rows take the N-D transpose path
    [
      [512, 6],
      [6, 4],
    ],
    [
      [4, 512],
      [512, 640],
    ],
  ];
  test.each(products)('matMul gradients match stock for a %j, b %j, every transpose', async (aShape, bShape) => {
    await initBackend(backend, { env: {} });
    for (const transposeA of [false, true]) {
      for (const transposeB of [false, true]) {
        const swap = (shape: number[], on: boolean) => (on ? [...shape.slice(0, -2), shape.at(-1)!, shape.at(-2)!] : shape);
        const a = random(swap(aShape, transposeA), 1);
        const b = random(swap(bShape, transposeB), 2);
        const { fast, stock } = bothGradients((x, y) => tf.matMul(x!, y!, transposeA, transposeB), [a, b]);
        expectAllClose(fast, stock);
        tf.dispose([a, b]);
      }
    }
  });
});
