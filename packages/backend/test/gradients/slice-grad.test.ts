import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, test } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';
import { bothGradients, expectAllClose, random } from '../_compare-with-stock';

afterAll(() => setFastKernels(true));

describe.each(['wasm', 'cpu'] as const)('Slice gradient on %s', (backend) => {
  test.each([
    ['[256, 1] rows 0..128', [256, 1], [0, 0], [128, 1]],
    ['[256, 1] rows 128..', [256, 1], [128, 0], [-1, 1]],
    ['[6, 8, 3] middle of axis 1', [6, 8, 3], [0, 2, 0], [6, 3, 3]],
    ['[6, 8] along two axes', [6, 8], [1, 2], [3, 4]],
    ['[300, 20] larger than the copy path', [300, 20], [10, 0], [200, 20]],
  ] as const)('slice gradient matches stock: %s', async (_, shape, begin, size) => {
    await initBackend(backend, { env: {} });
    const x = random([...shape], 13);
    const { fast, stock } = bothGradients((v) => tf.slice(v!, [...begin], [...size]), [x]);
    expectAllClose(fast, stock);
    x.dispose();
  });
});
