import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BrowserSession, openBrowser } from './_chromium';

// @dlkit/backend bundled into a page as a web app bundles it, in headless Chromium: WebGPU and WebGL run
// on SwiftShader (a CPU renderer), so every tensor here is tiny.
let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Started {
  described: string;
  info: { name: string; tried: { name: string; ok: boolean; reason?: string }[]; threads?: number; simd?: boolean; device?: string };
}

const startPage = (calls: string) => `
  import { describeBackend, initBackend } from '@dlkit/backend';
  const start = (preference, options) =>
    initBackend(preference, options).then((info) => ({ described: describeBackend(info), info }), (error) => ({ error: error.message }));
  export default async function run() {
    return [${calls}];
  }`;

describe('initBackend in a cross-origin isolated page', () => {
  test("'auto' starts webgpu (SwiftShader's adapter); 'webgl', 'wasm' (threaded, SIMD) and 'cpu' start when asked; 'gpu' is refused as Node's", async () => {
    const { result } = await browser.run<(Started & { error?: string })[]>(
      startPage(`
        await start('auto'),
        await start('webgl'),
        await start('wasm', { wasmPaths: '/isolated/wasm/', threads: 2 }),
        await start('cpu'),
        await start('gpu'),
        await start('node'),`),
    );
    const [auto, webgl, wasm, cpu, gpu, node] = result;
    console.log(`initBackend('auto') in headless Chromium:\n${auto?.described}`);
    expect(auto?.info).toMatchObject({ name: 'webgpu', tfBackend: 'webgpu', tried: [{ name: 'webgpu', ok: true }] });
    expect(auto?.described).toMatch(/^backend: webgpu \(google swiftshader\), requested auto$/);
    expect(webgl?.info).toMatchObject({ name: 'webgl', tfBackend: 'webgl' });
    expect(webgl?.info.device).toMatch(/^WebGL 2, .*SwiftShader/);
    expect(wasm?.info).toMatchObject({ name: 'wasm', simd: true, threads: 2 });
    expect(wasm?.described).toBe('backend: wasm (SIMD on, 2 threads), requested wasm');
    expect(cpu?.described).toBe('backend: cpu, requested cpu');
    expect(gpu?.error).toBe(
      "backend 'gpu' is not available: gpu: gpu is a Node backend (tfjs-node-gpu, CUDA): in a browser use webgpu or webgl",
    );
    expect(node?.error).toMatch(/^backend 'node' is not available: node: node is a Node backend/);
  });

  test("'wasm' without wasmPaths, where the page does not serve the .wasm files, is refused with what to do", async () => {
    const { result } = await browser.run<{ error?: string }[]>(startPage(`await start('wasm', { threads: 1 })`));
    expect(result[0]?.error).toBe(
      "backend 'wasm' is not available: wasm: the wasm backend failed to initialize: are tfjs-backend-wasm's .wasm files served where the `wasmPaths` option says (by default next to the page)?",
    );
  });
});

describe('initBackend in a page that is not cross-origin isolated', () => {
  test("'wasm' runs one thread and says why; 'auto' still starts webgpu", async () => {
    const { result } = await browser.run<Started[]>(
      startPage(`await start('wasm', { wasmPaths: '/plain/wasm/', threads: 2 }), await start('auto')`),
      {
        isolated: false,
      },
    );
    expect(result[0]?.info).toMatchObject({ name: 'wasm', simd: true, threads: 1 });
    expect(result[0]?.described).toBe(
      'backend: wasm (SIMD on, 1 thread), requested wasm\n  note: wasm runs 1 thread, not 2: the page is not cross-origin isolated (serve it with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp)',
    );
    expect(result[1]?.info.name).toBe('webgpu');
  });
});

// Every gradient dlkit replaces (src/fast-kernels.ts: BatchMatMul, _FusedMatMul, LeakyRelu, Slice), on
// random inputs with every transpose combination, against tfjs's stock gradient on the same backend.
const gradientPage = (backend: string, wasmPaths: string) => `
  import * as tf from '@tensorflow/tfjs-core';
  import { initBackend, setFastKernels } from '@dlkit/backend';

  const r = (shape, seed) => tf.randomUniform(shape, -1, 1, 'float32', seed);
  const weighted = (y, seed) => tf.sum(tf.mul(y, r(y.shape, seed)));
  function makeCases() {
  const cases = [];
  for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]]) {
    const a = r(ta ? [6, 4] : [4, 6], 1), b = r(tb ? [3, 6] : [6, 3], 2);
    cases.push([\`matMul(a\${ta ? 'ᵀ' : ''}, b\${tb ? 'ᵀ' : ''})\`, (a, b) => weighted(tf.matMul(a, b, ta, tb), 3), [a, b]]);
    const a3 = r(ta ? [2, 6, 4] : [2, 4, 6], 4), b3 = r(tb ? [2, 3, 6] : [2, 6, 3], 5);
    cases.push([\`batched matMul(a\${ta ? 'ᵀ' : ''}, b\${tb ? 'ᵀ' : ''})\`, (a, b) => weighted(tf.matMul(a, b, ta, tb), 6), [a3, b3]]);
    for (const activation of ['linear', 'relu', 'leakyrelu', 'sigmoid']) {
      const bias = r([3], 7);
      cases.push([
        \`fused matMul(a\${ta ? 'ᵀ' : ''}, b\${tb ? 'ᵀ' : ''}) + bias, \${activation}\`,
        (a, b, bias) => weighted(tf.fused.matMul({ a, b, transposeA: ta, transposeB: tb, bias, activation, leakyreluAlpha: 0.2 }), 8),
        [a, b, bias],
      ]);
    }
  }
  cases.push(['leakyRelu(x, 0.2)', (x) => weighted(tf.leakyRelu(x, 0.2), 9), [r([5, 7], 10)]]);
  cases.push(['slice(x, [1, 2], [3, 4])', (x) => weighted(tf.slice(x, [1, 2], [3, 4]), 11), [r([5, 7], 12)]]);
  cases.push(['slice(x, [0, 3], [5, 2]) (one axis)', (x) => weighted(tf.slice(x, [0, 3], [5, 2]), 13), [r([5, 7], 14)]]);
  return cases;
  }

  async function grads(f, inputs) {
    const gs = tf.grads(f)(inputs);
    const values = await Promise.all(gs.map((g) => g.data()));
    tf.dispose(gs);
    return values;
  }

  export default async function run() {
    const info = await initBackend(${JSON.stringify(backend)}, { wasmPaths: ${JSON.stringify(wasmPaths)}, threads: 2 });
    const cases = makeCases();
    const results = [];
    for (const [name, f, inputs] of cases) {
      const before = tf.memory().numTensors;
      const kernel = name.startsWith('fused') ? '_FusedMatMul' : name.includes('matMul') ? 'BatchMatMul' : name.startsWith('leaky') ? 'LeakyRelu' : 'Slice';
      setFastKernels(false);
      const stockGradient = tf.getGradient(kernel); // undefined for _FusedMatMul: stock differentiates fused.matMul inline
      const stock = await grads(f, inputs);
      setFastKernels(true);
      const ours = tf.getGradient(kernel) !== undefined && tf.getGradient(kernel) !== stockGradient;
      const fast = await grads(f, inputs);
      let diff = 0, scale = 0;
      stock.forEach((s, i) => s.forEach((v, k) => { diff = Math.max(diff, Math.abs(v - fast[i][k])); scale = Math.max(scale, Math.abs(v)); }));
      results.push({ name, ours, diff, scale, leaked: tf.memory().numTensors - before });
    }
    tf.dispose(cases.flatMap(([, , inputs]) => inputs));
    return { backend: tf.getBackend(), threads: info.threads, results };
  }`;

describe("dlkit's gradients against tfjs's stock ones in the page", () => {
  test.each([
    ['webgpu', 1e-5],
    ['webgl', 1e-5],
    ['wasm', 1e-6],
  ])('on %s: every replaced gradient gives the stock values (relative error < %s), and leaks no tensor', async (backend, tolerance) => {
    const { result } = await browser.run<{
      backend: string;
      threads?: number;
      results: { name: string; ours: boolean; diff: number; scale: number; leaked: number }[];
    }>(gradientPage(backend, '/isolated/wasm/'));
    expect(result.backend).toBe(backend);
    if (backend === 'wasm') expect(result.threads).toBe(2);
    expect(result.results).toHaveLength(4 * 6 + 3);
    for (const { name, ours, diff, scale, leaked } of result.results) {
      expect({ name, ours, leaked }).toEqual({ name, ours: true, leaked: 0 });
      expect(diff / Math.max(1, scale), name).toBeLessThan(tolerance);
    }
  });
});

// dlkit's own WASM kernels (src/wasm/) on the page's wasm backend: on shared memory (threaded build, in an
// isolated page) and on plain memory (single-threaded build).
const wasmKernelsPage = (wasmPaths: string) => `
  import * as tf from '@tensorflow/tfjs-core';
  import { Adam, denseByColumns, dropout, initBackend, movingAverage, setFastKernels } from '@dlkit/backend';

  async function step(fast) {
    setFastKernels(fast);
    const init = tf.randomNormal([37, 53], 0, 1, 'float32', 1);
    const w = tf.variable(init);
    const v = tf.variable(init, true, 'v' + fast);
    const adam = new Adam([w, v], { learningRate: 0.01 });
    const fixedGrad = tf.randomNormal([37, 53], 0, 1, 'float32', 3);
    const x = tf.randomNormal([37, 16], 0, 1, 'float32', 2);
    let average;
    const { kernelNames } = await tf.profile(() => {
      const { grads, value } = tf.variableGrads(() => tf.sum(tf.square(denseByColumns(x, w, undefined, { activation: 'leakyRelu' }))), [w]);
      adam.apply([grads[w.name], fixedGrad]);
      tf.dispose([value, grads[w.name]]);
      average = movingAverage(init, fixedGrad, 0.995);
    });
    const transposed = tf.transpose(v);
    const ones = tf.ones([1000]);
    const mask = dropout(ones, 0.5, 7);
    // Batch normalization's per-channel mean, centring, scale and shift (9 channels: a vector body and a tail).
    const h = tf.randomNormal([6, 5, 7, 9], 0, 1, 'float32', 4);
    const g = tf.randomNormal([9], 0, 1, 'float32', 5);
    const channelMean = tf.mean(h, [0, 1, 2], true);
    const normalized = tf.tidy(() => tf.add(tf.mul(tf.sub(h, channelMean), g), g));
    const result = { kernelNames, w: Array.from(await w.data()), v: Array.from(await v.data()), transposed: Array.from(await transposed.data()), mask: Array.from(await mask.data()), average: Array.from(await average.data()), normalized: Array.from(await normalized.data()), channelMean: Array.from(await channelMean.data()) };
    tf.dispose([init, w, v, fixedGrad, x, transposed, mask, ones, average, h, g, channelMean, normalized]);
    adam.dispose();
    return result;
  }

  export default async function run() {
    const info = await initBackend('wasm', { wasmPaths: ${JSON.stringify(wasmPaths)}, threads: 2 });
    const before = tf.memory().numTensors;
    const fast = await step(true);
    const stock = await step(false);
    setFastKernels(true);
    const { wasm } = tf.backend();
    const sharedMemory = typeof SharedArrayBuffer !== 'undefined' && (wasm.wasmMemory ?? wasm.asm.memory).buffer instanceof SharedArrayBuffer;
    return { threads: info.threads, sharedMemory, fast, stock, leaked: tf.memory().numTensors - before };
  }`;

interface PageKernelResults {
  kernelNames: string[];
  w: number[];
  v: number[];
  transposed: number[];
  mask: number[];
  average: number[];
  normalized: number[];
  channelMean: number[];
}

describe("dlkit's own WASM kernels in the page", () => {
  test.each([
    ['a cross-origin isolated page (threaded build, shared memory)', true, 2],
    ['a plain page (single-threaded build)', false, 1],
  ])(
    'in %s: Adam, moving averages, transpose, LeakyRelu, dropout masks and per-channel means and broadcasts run as DlkitAdamUpdate etc. and give the stock bits (products: within float rounding)',
    async (_, isolated, threads) => {
      const { result } = await browser.run<{
        threads: number;
        sharedMemory: boolean;
        leaked: number;
        fast: PageKernelResults;
        stock: PageKernelResults;
      }>(wasmKernelsPage(isolated ? '/isolated/wasm/' : '/plain/wasm/'), { isolated });
      expect({ threads: result.threads, sharedMemory: result.sharedMemory, leaked: result.leaked }).toEqual({
        threads,
        sharedMemory: isolated,
        leaked: 0,
      });
      expect(result.fast.kernelNames).toContain('DlkitAdamUpdate');
      expect(result.stock.kernelNames).not.toContain('DlkitAdamUpdate');
      expect(result.fast.kernelNames).toContain('DlkitMovingAverage');
      expect(result.stock.kernelNames).not.toContain('DlkitMovingAverage');
      // 37·53 values: the vector body and a scalar tail
      expect(result.fast.average).toEqual(result.stock.average);
      // the same gradient gives Adam's stock bits; a gradient through dlkit's GEMM (FMA where the engine
      // has relaxed SIMD) differs from XNNPACK's by float rounding only
      expect(result.fast.v).toEqual(result.stock.v);
      const maxDifference = Math.max(...result.fast.w.map((value, i) => Math.abs(value - result.stock.w[i]!)));
      expect(maxDifference).toBeLessThan(1e-5);
      expect(result.fast.transposed).toEqual(result.stock.transposed);
      expect(result.fast.mask).toEqual(result.stock.mask);
      expect(result.fast.mask.filter((v) => v === 0).length).toBeGreaterThan(400);
      expect(result.fast.channelMean).toEqual(result.stock.channelMean);
      expect(result.fast.normalized).toEqual(result.stock.normalized);
    },
  );
});
