// Trains the small MNIST classifier behind @dlkit/gan's quality metrics (FID features and the MNIST
// score) on the embedded MNIST training split, reports its accuracy on the embedded test split, and
// writes assets/mnist-classifier.bin. Run from packages/gan after building: `pnpm train-classifier`.
import { writeFile, rename } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dense, initBackend } from '@dlkit/backend';
import { loadMnist } from '@dlkit/mnist';
import * as tf from '@tensorflow/tfjs-core';

const widths = [784, 128, 64, 10];
const epochs = Number(process.env.EPOCHS ?? 40);
const batchSize = 64;
const seed = 2026;

await initBackend('wasm');
const train = await loadMnist({ source: 'embedded', split: 'train', normalize: '[-1,1]' });
const test = await loadMnist({ source: 'embedded', split: 'test', normalize: '[-1,1]' });

const params = [];
for (let i = 0; i + 1 < widths.length; i++) {
  const limit = Math.sqrt(6 / (widths[i] + widths[i + 1]));
  params.push(tf.variable(tf.randomUniform([widths[i], widths[i + 1]], -limit, limit, 'float32', seed + i)));
  params.push(tf.variable(tf.zeros([widths[i + 1]])));
}

function logits(x, dropoutSeed) {
  let h = x;
  for (let i = 0; i + 1 < widths.length; i++) {
    const last = i + 2 === widths.length;
    h = dense(h, params[2 * i], params[2 * i + 1], { activation: last ? 'linear' : 'relu' });
    if (!last && dropoutSeed !== undefined) {
      const keep = tf.cast(tf.greaterEqual(tf.randomUniform(h.shape, 0, 1, 'float32', dropoutSeed + i), 0.2), 'float32');
      h = tf.div(tf.mul(h, keep), 0.8);
    }
  }
  return h;
}

function accuracy(data) {
  return tf.tidy(() => {
    const predicted = tf.argMax(logits(tf.tensor2d(data.images, [data.count, 784])), 1).dataSync();
    let right = 0;
    for (let i = 0; i < data.count; i++) if (predicted[i] === data.labels[i]) right++;
    return right / data.count;
  });
}

const optimizer = tf.train.adam(1e-3);
let step = 0;
for (let epoch = 1; epoch <= epochs; epoch++) {
  // Small shifts of ±1 pixel: cheap augmentation that helps with only 8,000 training digits.
  for (const batch of train.batches(batchSize, { shuffle: true, seed: seed + epoch, dropRemainder: true })) {
    const images = shiftImages(batch.images, batch.count, seed * 31 + step);
    tf.tidy(() => {
      const x = tf.tensor2d(images, [batch.count, 784]);
      const y = tf.oneHot(tf.tensor1d(batch.labels, 'int32'), 10);
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, logits(x, seed * 1000 + step)));
    });
    step++;
  }
  if (epoch % 5 === 0 || epoch === epochs)
    console.log(`epoch ${epoch}: train ${(accuracy(train) * 100).toFixed(2)}%, test ${(accuracy(test) * 100).toFixed(2)}%`);
}
const testAccuracy = accuracy(test);
console.log(`test accuracy on the embedded test split (${test.count} digits): ${(testAccuracy * 100).toFixed(2)}%`);

const layers = [];
for (let i = 0; i + 1 < widths.length; i++)
  layers.push({ inputs: widths[i], outputs: widths[i + 1], activation: i + 2 === widths.length ? 'linear' : 'relu' });
const header = {
  format: 'dlkit-mnist-classifier',
  layers,
  normalize: '[-1,1]',
  testAccuracy,
  trainedOn: `@dlkit/mnist embedded train split (${train.count} digits), ${epochs} epochs, batch ${batchSize}, Adam 1e-3, dropout 0.2, ±1-pixel shifts, seed ${seed}`,
};
const headerBytes = new TextEncoder().encode(JSON.stringify(header));
const start = Math.ceil((16 + headerBytes.length) / 4) * 4;
const values = params.map((p) => p.dataSync());
const total = values.reduce((sum, v) => sum + v.length, 0);
const bytes = new Uint8Array(start + total * 4);
bytes.set(new TextEncoder().encode('DLKITCLS'), 0);
new DataView(bytes.buffer).setUint32(8, 1, true);
new DataView(bytes.buffer).setUint32(12, headerBytes.length, true);
bytes.set(headerBytes, 16);
let offset = start;
for (const v of values) {
  bytes.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), offset);
  offset += v.byteLength;
}
const file = fileURLToPath(new URL('../assets/mnist-classifier.bin', import.meta.url));
await writeFile(`${file}.tmp`, bytes);
await rename(`${file}.tmp`, file);
console.log(`wrote ${file} (${bytes.length} bytes)`);

function shiftImages(images, count, shiftSeed) {
  const out = new Float32Array(images.length).fill(-1);
  let state = shiftSeed >>> 0;
  for (let n = 0; n < count; n++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const dx = ((state >>> 8) % 3) - 1;
    const dy = ((state >>> 16) % 3) - 1;
    for (let r = 0; r < 28; r++) {
      const sr = r - dy;
      if (sr < 0 || sr >= 28) continue;
      for (let c = 0; c < 28; c++) {
        const sc = c - dx;
        if (sc >= 0 && sc < 28) out[n * 784 + r * 28 + c] = images[n * 784 + sr * 28 + sc];
      }
    }
  }
  return out;
}
