// Training speed of the reference MLP GAN (createGanTrainer's default, batch 128) in headless Chromium
// against Node on this machine, in one run: rounds alternate a Node measurement with a page measurement
// (each the median of timed steps after warm-up steps), WASM with 2 threads and SIMD in both (the page is
// cross-origin isolated, so tfjs-backend-wasm and dlkit's GEMM run threaded there too). WebGL and WebGPU
// are measured once in the page and reported, not compared: here both run on SwiftShader, a CPU renderer.
// Skipped with a note when Debian's Chromium (/usr/bin/chromium) is missing.
import * as tf from '@tensorflow/tfjs-core';
import { existsSync } from 'node:fs';
import { initBackend } from '@dlkit/backend';
import { createGanTrainer } from '@dlkit/gan';
import { loadMnist } from '@dlkit/mnist';
import { chromiumPath, openBrowser } from '../browser-tests/test/_chromium.ts';
import { emit, median, waitForQuiet } from './harness.mjs';

const batchSize = 128;
const warmupSteps = 3;
const timedSteps = 12;

/** Seconds of each of `timed` trainer steps after `warmup` steps, on batches cycled through the digits. */
function stepTimer(tfModule, trainer, images, count) {
  return async (warmup, timed) => {
    const seconds = [];
    for (let i = 0; i < warmup + timed; i++) {
      const start = ((i * batchSize) % (count - batchSize)) * 784;
      const batch = tfModule.tensor2d(images.subarray(start, start + batchSize * 784), [batchSize, 784]);
      const begin = performance.now();
      trainer.step(batch); // reads its four losses back (dataSync): the step has finished when it returns
      batch.dispose();
      if (i >= warmup) seconds.push((performance.now() - begin) / 1000);
    }
    return seconds;
  };
}

// The page's script: the same trainer and digits in the page; returns the median step seconds.
const pageSource = (backend, steps) => `
  import * as tf from '@tensorflow/tfjs-core';
  import { initBackend } from '@dlkit/backend';
  import { createGanTrainer } from '@dlkit/gan';
  import { loadMnist } from '@dlkit/mnist';
  export default async function run() {
    const info = await initBackend(${JSON.stringify(backend)}, { wasmPaths: '/isolated/wasm/', threads: 2 });
    const data = await loadMnist({ normalize: '[-1,1]' });
    const trainer = createGanTrainer({ seed: 1, batchSize: ${batchSize} });
    const step = (i) => {
      const start = ((i * ${batchSize}) % (data.count - ${batchSize})) * 784;
      const batch = tf.tensor2d(data.images.subarray(start, start + ${batchSize} * 784), [${batchSize}, 784]);
      trainer.step(batch);
      batch.dispose();
    };
    // a GPU backend may still be computing when step() has its losses: time all steps up to a read of a
    // sample the last step's generator makes (WASM runs kernels synchronously: each step is timed alone)
    // (WebGPU on SwiftShader loses its device on mapAsync after training steps: read through dataSync there)
    const settle = async () => { const sample = trainer.generate(1); ${JSON.stringify(backend)} === 'webgpu' ? sample.dataSync() : await sample.data(); sample.dispose(); };
    for (let i = 0; i < ${warmupSteps}; i++) step(i);
    await settle();
    const seconds = [];
    if (${JSON.stringify(backend)} === 'wasm') {
      for (let i = 0; i < ${steps}; i++) { const begin = performance.now(); step(i); seconds.push((performance.now() - begin) / 1000); }
    } else {
      const begin = performance.now();
      for (let i = 0; i < ${steps}; i++) step(i);
      await settle();
      seconds.push((performance.now() - begin) / 1000 / ${steps});
    }
    trainer.dispose();
    seconds.sort((a, b) => a - b);
    return { seconds: seconds[Math.floor(seconds.length / 2)], threads: info.threads ?? null, gemm: info.gemm ?? null, device: info.device ?? null };
  }`;

if (!existsSync(chromiumPath)) {
  emit({
    bench: 'browser',
    metric: 'MLP GAN training in Chromium, WASM',
    unit: 'samples/s',
    ours: null,
    note: `skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium)`,
  });
} else {
  const info = await initBackend('wasm', { threads: 2 });
  const data = await loadMnist({ normalize: '[-1,1]' });
  const trainer = createGanTrainer({ seed: 1, batchSize });
  const timeNode = stepTimer(tf, trainer, data.images, data.count);
  const browser = await openBrowser();
  try {
    const busy = await waitForQuiet();
    const nodeSeconds = [];
    const pageSeconds = [];
    let page;
    await timeNode(warmupSteps, 0);
    for (let round = 0; round < 3; round++) {
      nodeSeconds.push(median(await timeNode(0, timedSteps)));
      const { result } = await browser.run(pageSource('wasm', timedSteps), { isolated: true });
      page = result;
      pageSeconds.push(result.seconds);
    }
    const node = batchSize / median(nodeSeconds);
    const inPage = batchSize / median(pageSeconds);
    emit({
      bench: 'browser',
      metric: 'MLP GAN training in Chromium, WASM (2 threads, SIMD)',
      unit: 'samples/s',
      ours: inPage,
      stock: node,
      vs: 'Node, same trainer',
      note: `page/Node ${(inPage / node).toFixed(2)} (target ≥ 0.70); page: ${page.threads} threads, GEMM ${page.gemm ?? 'off'}; Node: ${info.threads} threads, GEMM ${info.gemm ?? 'off'}; ${busy.toFixed(1)} cores busy before`,
    });
    for (const backend of ['webgl', 'webgpu']) {
      try {
        const { result } = await browser.run(pageSource(backend, 4), { isolated: true });
        emit({
          bench: 'browser',
          metric: `MLP GAN training in Chromium, ${backend}`,
          unit: 'samples/s',
          ours: batchSize / result.seconds,
          note: `${result.device ?? backend} (SwiftShader: a CPU renderer here; reported, not targeted)`,
        });
      } catch (error) {
        emit({
          bench: 'browser',
          metric: `MLP GAN training in Chromium, ${backend}`,
          unit: 'samples/s',
          ours: null,
          note: `did not run: ${String(error.message).split('\n')[0]}`,
        });
      }
    }
  } finally {
    await browser.close();
    trainer.dispose();
  }
}
