// How fast a plain matMul runs on the backend initBackend picks: the ceiling every model works under.
// Then one update of a moving average over the MLP GAN generator's 1.5 M weights (@dlkit/gan's EMA):
// dlkit's one-pass kernel (movingAverage) against the three tfjs ops it replaces, alternated, medians.
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, movingAverage } from '@dlkit/backend';
import { alternate, emit, medianSeconds, waitForQuiet } from './harness.mjs';

const info = await initBackend('wasm');
const n = 512;
const a = tf.randomNormal([n, n]);
const b = tf.randomNormal([n, n]);
const seconds = await medianSeconds(() => tf.matMul(a, b).dataSync());
emit({ bench: 'backend', metric: `matMul ${n}×${n} on ${info.name}`, unit: 'ops/s', ours: 1 / seconds, flopsPerUnit: 2 * n ** 3 });

// the default MLP generator's parameters, z(100)→256→512→1024→784: kernels and biases
const shapes = [[100, 256], [256], [256, 512], [512], [512, 1024], [1024], [1024, 784], [784]];
const average = shapes.map((shape, i) => tf.variable(tf.randomNormal(shape, 0, 0.05, 'float32', 1 + i)));
const current = shapes.map((shape, i) => tf.randomNormal(shape, 0, 0.05, 'float32', 101 + i));
const weights = average.reduce((sum, v) => sum + v.size, 0);
const decay = 0.995;
const updates = 10; // per timed run
const update = (next) => () => {
  for (let k = 0; k < updates; k++) {
    tf.tidy(() => {
      for (const [i, v] of average.entries()) v.assign(next(v, current[i]));
    });
  }
};
const busy = await waitForQuiet({ maxS: 30 });
const perRun = await alternate({
  ours: { run: update((v, c) => movingAverage(v, c, decay)) },
  tfjsOps: { run: update((v, c) => tf.add(tf.mul(v, decay), tf.mul(c, 1 - decay))) },
});
const [ours, ops] = [perRun.ours / updates, perRun.tfjsOps / updates];
emit({
  bench: 'backend',
  metric: `EMA update of ${(weights / 1e6).toFixed(1)} M weights on ${info.name}`,
  unit: 'updates/s',
  ours: 1 / ours,
  stock: 1 / ops,
  vs: 'tfjs ops',
  note: `ms per update: ${(ours * 1e3).toFixed(2)} dlkit's kernel, ${(ops * 1e3).toFixed(2)} tfjs mul+mul+add; ${info.threads} thread(s); ${busy.toFixed(1)} cores busy before`,
});
