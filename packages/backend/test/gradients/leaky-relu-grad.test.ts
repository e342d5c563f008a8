import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, test } from 'vitest';
import { initBackend, setFastKernels } from '../../src/index';
import { bothGradients, expectClose } from '../_compare-with-stock';

afterAll(() => setFastKernels(true));

describe.each(['wasm', 'cpu'] as const)('LeakyRelu gradient on %s', (backend) => {
  test('leakyRelu gradient matches stock, including at 0 and for alpha 0', async () => {
    await initBackend(backend, { env: {} });
    const x = tf.tensor1d([-2, -0.5, 0, 0.5, 3]);
    for (const alpha of [0.2, 0, 1.5]) {
      const { fast, stock } = bothGradients((v) => tf.leakyRelu(v!, alpha), [x]);
      expectClose(fast[0]!, stock[0]!);
    }
    x.dispose();
  });
});
