import { initBackend } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { test } from 'vitest';
import { createGanTrainer } from '../src/index';

test('smoke', async () => {
  await initBackend('wasm');
  for (const model of ['mlp', 'dcgan'] as const) {
    const trainer = createGanTrainer({ model });
    const real = tf.randomUniform([128, 784], -1, 1) as tf.Tensor2D;
    trainer.step(real);
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) console.log(model, trainer.step(real));
    console.log(model, 'ms/step', (performance.now() - t0) / 3, tf.memory().numTensors);
    real.dispose();
    trainer.dispose();
  }
}, 120000);
