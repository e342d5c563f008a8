import { loadMnist } from '@dlkit/mnist';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BrowserSession, openBrowser } from './_chromium';

// Each package's main entry bundled into a page as a web app bundles it (its assets served beside the
// bundle's folder, where new URL('../assets/…', import.meta.url) points), in headless Chromium.
let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('@dlkit/mnist in a page', () => {
  test('the embedded digits load (fetched, gunzipped by DecompressionStream) with the split Node gives; readIdx parses fetched bytes', async () => {
    const { result } = await browser.run<{
      train: number;
      test: number;
      labels: number[];
      first: number[];
      fromUrls: number[];
      idx: number[];
      bad: string;
    }>(`
      import { loadMnist, loadReferenceDigits, readIdx } from '@dlkit/mnist';
      export default async function run() {
        const train = await loadMnist();
        const test = await loadReferenceDigits({ count: 2000, normalize: '[0,1]' });
        const base = new URL('../assets/', import.meta.url);
        const fromUrls = await loadMnist({ limit: 5, embeddedFiles: {
          images: new URL('embedded-images-idx3-ubyte.gz', base), labels: new URL('embedded-labels-idx1-ubyte.gz', base).href } });
        const labelBytes = new Uint8Array(await (await fetch(new URL('embedded-labels-idx1-ubyte.gz', base))).arrayBuffer());
        const idx = readIdx(labelBytes.buffer);
        const bad = await loadMnist({ source: 'download' }).catch((error) => error.message);
        return { train: train.count, test: test.count, labels: Array.from(train.labels.subarray(0, 20)),
          first: Array.from(train.images.subarray(150, 160)), fromUrls: Array.from(fromUrls.labels), idx: idx.dims, bad };
      }`);
    const node = await loadMnist();
    expect(result.train).toBe(8000);
    expect(result.test).toBe(2000);
    expect(result.labels).toEqual(Array.from(node.labels.subarray(0, 20)));
    expect(result.first).toEqual(Array.from(node.images.subarray(150, 160)));
    expect(result.fromUrls).toEqual(Array.from(node.labels.subarray(0, 5)));
    expect(result.idx).toEqual([10000]);
    expect(result.bad).toMatch(/^loadMnist: source "download" is read only in Node/);
  });
});

describe('@dlkit/plot in a page', () => {
  test('renders an SVG chart, a contour plot and an image grid into the DOM; imageGrid draws captions on an OffscreenCanvas', async () => {
    const { result } = await browser.run<{
      chart: { paths: number; text: boolean; width: number };
      grid: { width: number; height: number; texts: number; loaded: boolean };
      png: { width: number; height: number; dark: number };
      contour: boolean;
      html: boolean;
      write: string;
    }>(`
      import { contourPlot, createReport, imageGrid, imageGridSvg, lineChart } from '@dlkit/plot';
      export default async function run() {
        const chart = await lineChart({ title: 'MNIST GAN', series: [{ name: 'generator', y: [2.1, 1.6, 1.2, 1.0] }, { name: 'discriminator', y: [0.6, 0.7, 0.8, 0.8] }] });
        const contour = await contourPlot({ xRange: [-3, 3], yRange: [-3, 3], resolution: 40, densities: [{ name: 'p', f: (x, y) => Math.exp(-(x * x + y * y) / 2) }] });
        document.body.insertAdjacentHTML('beforeend', '<div id="chart">' + chart + '</div><div id="grid">' +
          imageGridSvg([new Float32Array(64).fill(1), new Float32Array(64).fill(0.2)], { width: 8, height: 8, scale: 4, captions: ['one', 'two'] }) + '</div>');
        const svg = document.querySelector('#chart svg');
        const image = document.querySelector('#grid svg image');
        await new Promise((resolve) => setTimeout(resolve, 50));
        const box = document.querySelector('#grid svg').getBoundingClientRect();
        const png = imageGrid([new Float32Array(64).fill(1)], { width: 8, height: 8, scale: 4, captions: ['seven'] });
        const bitmap = await createImageBitmap(new Blob([png], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d');
        context.drawImage(bitmap, 0, 0);
        const { data } = context.getImageData(0, 34, bitmap.width, bitmap.height - 34);
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
        const report = createReport('In a page').section('Losses').svg(chart).png(png, 'grid');
        const write = await report.write('out/report.html').catch((error) => error.name + ': ' + error.message);
        return {
          chart: { paths: svg.querySelectorAll('path').length, text: svg.textContent.includes('MNIST GAN'), width: svg.getBoundingClientRect().width },
          grid: { width: box.width, height: box.height, texts: document.querySelectorAll('#grid text').length, loaded: image.getAttribute('href').startsWith('data:image/png;base64,') },
          png: { width: bitmap.width, height: bitmap.height, dark },
          contour: contour.startsWith('<svg') && contour.includes('<path'),
          html: report.toHtml().includes('data:image/png;base64,'),
          write,
        };
      }`);
    expect(result.chart.paths).toBeGreaterThan(3);
    expect(result.chart.text).toBe(true);
    expect(result.chart.width).toBeGreaterThan(100);
    expect(result.grid).toMatchObject({ texts: 2, loaded: true });
    expect(result.grid.width).toBeGreaterThan(60);
    expect(result.png.width).toBe(36);
    expect(result.png.dark).toBeGreaterThan(5); // the caption's ink
    expect(result.contour).toBe(true);
    expect(result.html).toBe(true);
    expect(result.write).toBe(
      'PlotInputError: report.write: writing out/report.html needs a file system (Node): in a page, use the bytes or the HTML string instead (report.toHtml() gives the page)',
    );
  });
});

// Tiny models, a couple of steps each, on WebGL. Not on WebGPU: the trainers read their losses with
// dataSync(), and tfjs-backend-webgpu 4.22's synchronous read-back loses the device ('destroyed') in
// headless Chromium on SwiftShader once a step's work is queued (a tidy of six 64×784·784×784 products
// followed by dataSync() does the same, without dlkit).
describe('@dlkit/gan and @dlkit/vae in a page', () => {
  test('gan trains two tiny steps on the embedded digits, checkpoints to bytes that decode, and scores samples with the fetched classifier', async () => {
    const { result } = await browser.run<{
      backend: string;
      steps: number[];
      sunk: number[];
      restoredStep: number;
      bytes: number;
      features: number[];
    }>(`
      import { describeBackend, initBackend } from '@dlkit/backend';
      import { createGanTrainer, decodeGanCheckpoint, encodeGanCheckpoint, loadMnistClassifier, restoreGanTrainer, trainGan } from '@dlkit/gan';
      import { loadMnist } from '@dlkit/mnist';
      import * as tf from '@tensorflow/tfjs-core';
      export default async function run() {
        const info = await initBackend('webgl');
        const data = await loadMnist({ limit: 32, normalize: '[-1,1]' });
        const trainer = createGanTrainer({ latentDim: 8, generatorUnits: [16], discriminatorUnits: [16], batchSize: 8, seed: 3 });
        const steps = [];
        const sunk = [];
        let lastBytes;
        for await (const event of trainGan(trainer, data, { maxSteps: 2, checkpoint: (bytes, step) => { sunk.push(step); lastBytes = bytes; return 'memory:' + step; } })) {
          if (event.type === 'step') steps.push(event.step);
        }
        const restored = restoreGanTrainer(decodeGanCheckpoint(lastBytes));
        const classifier = await loadMnistClassifier();
        const samples = trainer.generate(4);
        const { features, probabilities } = classifier.classify(samples);
        const result = { backend: describeBackend(info), steps, sunk, restoredStep: restored.stepCount, bytes: encodeGanCheckpoint(trainer.snapshot()).length, features: features.shape };
        tf.dispose([samples, features, probabilities]);
        restored.dispose();
        trainer.dispose();
        classifier.dispose();
        return result;
      }`);
    expect(result.backend).toMatch(/^backend: webgl \(WebGL 2, /);
    expect(result.steps).toEqual([1, 2]);
    expect(result.sunk.at(-1)).toBe(2);
    expect(result.restoredStep).toBe(2);
    expect(result.bytes).toBeGreaterThan(1000);
    expect(result.features).toEqual([4, expect.any(Number)]);
  });

  test('vae trains two tiny steps and checkpoints to bytes that decode into a trainer at the same step', async () => {
    const { result } = await browser.run<{ steps: number[]; restoredStep: number; loss: number }>(`
      import { initBackend } from '@dlkit/backend';
      import { createVaeTrainer, decodeVaeCheckpoint, trainVae } from '@dlkit/vae';
      import { loadMnist } from '@dlkit/mnist';
      export default async function run() {
        await initBackend('webgl');
        const data = await loadMnist({ limit: 32 });
        const trainer = createVaeTrainer({ hiddenSizes: [16], latentSize: 2, batchSize: 8, seed: 5 });
        const steps = [];
        let lastBytes;
        let loss = NaN;
        for await (const event of trainVae(trainer, data, { maxSteps: 2, checkpoint: (bytes) => { lastBytes = bytes; return 'memory'; } })) {
          if (event.type === 'step') { steps.push(event.step); loss = event.loss; }
        }
        const restored = decodeVaeCheckpoint(lastBytes);
        const result = { steps, restoredStep: restored.stepCount, loss };
        restored.dispose();
        trainer.dispose();
        return result;
      }`);
    expect(result.steps).toEqual([1, 2]);
    expect(result.restoredStep).toBe(2);
    expect(Number.isFinite(result.loss)).toBe(true);
  });
});

describe('in a Web Worker (what a page that trains off its main thread does)', () => {
  test("initBackend('auto') reports from the worker; the GAN trains two steps there on wasm (threaded: the page is isolated) and posts its checkpoint's bytes", async () => {
    const worker = `
      import { describeBackend, initBackend } from '@dlkit/backend';
      import { createGanTrainer, decodeGanCheckpoint, trainGan } from '@dlkit/gan';
      import { loadMnist } from '@dlkit/mnist';
      const auto = describeBackend(await initBackend('auto'));
      const wasm = describeBackend(await initBackend('wasm', { wasmPaths: '/isolated/wasm/', threads: 2 }));
      const data = await loadMnist({ limit: 32, normalize: '[-1,1]' });
      const trainer = createGanTrainer({ latentDim: 8, generatorUnits: [16], discriminatorUnits: [16], batchSize: 8, seed: 3 });
      let bytes;
      const losses = [];
      for await (const event of trainGan(trainer, data, { maxSteps: 2, checkpoint: (b) => { bytes = b; return 'posted'; } })) {
        if (event.type === 'step') losses.push(event.dLoss);
      }
      const step = decodeGanCheckpoint(bytes).step;
      postMessage({ auto, wasm, losses, step, bytes }, [bytes.buffer]);`;
    const { result } = await browser.run<{ auto: string; wasm: string; losses: number[]; step: number; bytes: number }>(
      `export default function run() {
        const worker = new Worker(new URL('./gan-worker.js', import.meta.url), { type: 'module' });
        return new Promise((resolve, reject) => {
          worker.onmessage = ({ data }) => resolve({ ...data, bytes: data.bytes.length });
          worker.onerror = (event) => reject(new Error(event.message));
        });
      }`,
      { workers: { 'gan-worker': worker } },
    );
    expect(result.auto).toMatch(/^backend: webgpu \(google swiftshader\), requested auto$/);
    expect(result.wasm).toBe('backend: wasm (SIMD on, 2 threads), requested wasm');
    expect(result.losses).toHaveLength(2);
    expect(result.losses.every(Number.isFinite)).toBe(true);
    expect(result.step).toBe(2);
    expect(result.bytes).toBeGreaterThan(1000);
  });
});
