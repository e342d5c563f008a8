// How fast a plain matMul runs on the backend initBackend picks: the ceiling every model works under.
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '@dlkit/backend';
import { emit, medianSeconds } from './harness.mjs';

const info = await initBackend('wasm');
const n = 512;
const a = tf.randomNormal([n, n]);
const b = tf.randomNormal([n, n]);
const seconds = await medianSeconds(() => tf.matMul(a, b).dataSync());
emit({ bench: 'backend', metric: `matMul ${n}×${n} on ${info.name}`, unit: 'ops/s', ours: 1 / seconds, flopsPerUnit: 2 * n ** 3 });
