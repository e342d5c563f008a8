import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initBackend } from '@dlkit/backend';
import { decodeGanCheckpoint, exportGenerator, restoreGanTrainer } from '@dlkit/gan';
import { sharedTempDir } from '@dlkit/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ganDefaults } from '../../apps/demo/src/gan/gan-defaults';
import { ganVariantNames } from '../../apps/demo/src/gan/gan-variants';
import { launchChromium } from './_chromium';

// `pnpm demo web`'s page, built by `pnpm build` and served by the CLI itself, driven in headless
// Chromium as a person would use it: the form, the buttons, the downloads, a file input.
const cli = fileURLToPath(new URL('../../apps/demo/dist/cli.js', import.meta.url));
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const work = sharedTempDir('dlkit-demo-web-');
let server: ChildProcess;
let url: string;
let browser: Browser;

beforeAll(async () => {
  server = spawn(process.execPath, [cli, 'web', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk) => {
      out += chunk;
      const found = /http:\/\/\S+\//.exec(out)?.[0];
      if (found) resolve(found);
    });
    server.on('close', (code) => reject(new Error(`dlkit-demo web exited ${code}: ${out}`)));
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.kill('SIGINT');
});

interface OpenPage {
  page: Page;
  /** Console messages of types other than log/info/debug, and uncaught errors. */
  problems: string[];
}

async function openPage(): Promise<OpenPage> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 980 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    // tfjs-backend-webgl and -webgpu say how they run: information, not problems.
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  // Every chart redraw and sample grid, as the page showed them.
  await page.evaluate(() => {
    const seen = { points: [] as number[], grids: [] as number[] };
    (globalThis as { __seen?: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      const n = document.querySelector<SVGElement>('#chart svg')?.dataset.points;
      if (n !== undefined) seen.points.push(Number(n));
    }).observe(document.querySelector('#chart')!, { childList: true });
    new MutationObserver(() => seen.grids.push(Number(document.querySelector<HTMLImageElement>('#grid')!.dataset.epoch))).observe(
      document.querySelector('#grid')!,
      { attributeFilter: ['data-epoch'] },
    );
  });
  return { page, problems };
}

interface Form {
  backend?: string;
  model?: string;
  epochs?: number | string;
  batchSize?: number | string;
  learningRate?: number | string;
  seed?: number | string;
  digits?: number | string;
}

async function fill(page: Page, form: Form) {
  if (form.backend) await page.selectOption('#backend', form.backend);
  if (form.model) await page.selectOption('#model', form.model);
  const fields: [string, unknown][] = [
    ['#epochs', form.epochs],
    ['#batch-size', form.batchSize],
    ['#learning-rate', form.learningRate],
    ['#seed', form.seed],
    ['#digits', form.digits],
  ];
  for (const [selector, value] of fields) if (value !== undefined) await page.fill(selector, String(value));
}

const state = (page: Page) => page.evaluate(() => document.body.dataset.state);
// Playwright's innerText: the text as the page shows it (lines as rendered), which is what a person reads.
// biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node
const text = (page: Page, selector: string) => page.locator(selector).innerText();
/** The page's message once it shows one (a chosen file is read asynchronously). */
async function message(page: Page): Promise<string> {
  await page.waitForFunction(() => (document.querySelector('#message')?.textContent ?? '') !== '');
  return text(page, '#message');
}
const seen = (page: Page) => page.evaluate(() => (globalThis as unknown as { __seen: { points: number[]; grids: number[] } }).__seen);

async function runToEnd(page: Page, timeout = 100_000): Promise<string> {
  try {
    await page.waitForFunction(() => ['ended', 'failed'].includes(document.body.dataset.state ?? ''), null, { timeout });
  } catch (error) {
    const shown = await page.evaluate(() => ['#status', '#message', '#epoch-text'].map((s) => document.querySelector(s)?.textContent));
    throw new Error(`${(error as Error).message}\nthe page shows: ${JSON.stringify(shown)}`);
  }
  return (await state(page))!;
}

/** Clicks a download button and returns the file(s) it saves. */
async function download(page: Page, button: string, files = 1): Promise<{ name: string; bytes: Buffer }[]> {
  const saved: { name: string; bytes: Buffer }[] = [];
  const done = new Promise<void>((resolve) => {
    page.on('download', async (d) => {
      saved.push({ name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) });
      if (saved.length === files) resolve();
    });
  });
  await page.click(button);
  await done;
  page.removeAllListeners('download');
  return saved;
}

interface StepRow {
  step: number;
  dLoss: number;
  gLoss: number;
}
const lossesOf = (
  json: Buffer,
): { steps: StepRow[]; epochs: { epoch: number; fid?: number; mnistScore?: number; strayInk?: number; isolatedPixels?: number }[] } =>
  JSON.parse(json.toString('utf8'));

/** `pnpm demo` in Node: the same GAN on the same digits, on WASM. */
function nodeDemo(args: string[], command: string[] = []) {
  const result = spawnSync(process.execPath, [cli, ...command, '--limit', '256', '--backend', 'wasm', '--quiet', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DLKIT_BACKEND: undefined, INIT_CWD: undefined },
  });
  if (result.status !== 0) throw new Error(`dlkit-demo ${args.join(' ')} failed: ${result.stderr}`);
  return result;
}

describe('pnpm demo web: the page', () => {
  test('loads with no console error, cross-origin isolated, with the CLI’s GAN defaults in the form', async () => {
    const { page, problems } = await openPage();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(await page.inputValue('#epochs')).toBe(String(ganDefaults.epochs));
    expect(await page.inputValue('#batch-size')).toBe(String(ganDefaults.batchSize));
    expect(await page.inputValue('#learning-rate')).toBe(String(ganDefaults.learningRate));
    expect(await page.inputValue('#seed')).toBe(String(ganDefaults.seed));
    expect(await page.inputValue('#model')).toBe(ganDefaults.model);
    // The menu offers exactly the CLI's --model names, in its order.
    expect(await page.$$eval('#model option', (options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual(
      ganVariantNames,
    );
    expect(await page.isHidden('#message')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('wasm: a short run grows the loss chart step by step, redraws the grid each epoch, scores each epoch; screenshot kept', async () => {
    const { page, problems } = await openPage();
    await fill(page, { backend: 'wasm', epochs: 2, batchSize: 32, digits: 256 });
    await page.click('#start');
    expect(await runToEnd(page)).toBe('ended');
    expect(await text(page, '#status')).toBe('done: 2 epochs, 16 steps');
    expect(await text(page, '#backend-report')).toMatch(/^backend: wasm \(SIMD on, \d+ threads?.*\), requested wasm/);
    const { points, grids } = await seen(page);
    expect(points.at(-1)).toBe(16);
    expect(new Set(points).size).toBeGreaterThanOrEqual(3); // drawn while it trained, not once at the end
    expect(grids).toEqual([1, 2]);
    expect(await text(page, '#speed')).toMatch(/^[\d,]+ samples\/s$/);
    // Two epoch rows with FID, MNIST score, stray ink and isolated pixels, and the real digits' marks.
    const rows = await page.locator('#epochs-table tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    // epoch, D, G, D(x), D(G(z)), FID, MNIST score, stray ink, isolated pixels
    for (const row of rows.slice(0, 2))
      expect(row).toMatch(/^\d\t[\d.]+\t[\d.]+\t[\d.]+\t[\d.]+\t\d+\.\d\t\d+\.\d\d\t\d+\.\d\t\d+\.\d{3}$/);
    expect(rows[2]).toMatch(/^real digits.*\t\d+\.\d\d\t\d+\.\d\t\d+\.\d{3}$/);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'demo-web-gan-wasm.png'), fullPage: true });
    // The CLI's files: losses.csv, losses.json, the grid as PNG, the generator as a layers model.
    const [csv] = await download(page, '#download-losses-csv');
    expect(csv!.name).toBe('losses.csv');
    expect(csv!.bytes.toString('utf8').split('\n')[0]).toBe('epoch,step,d_loss,g_loss,d_real,d_fake');
    expect(csv!.bytes.toString('utf8').trim().split('\n')).toHaveLength(17);
    const [json] = await download(page, '#download-losses-json');
    const losses = lossesOf(json!.bytes);
    expect(losses).toMatchObject({ format: 'dlkit-demo-gan-run@1', stepsPerEpoch: 8, status: 'completed' });
    expect(losses.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(losses.epochs[1]!.fid).toBeGreaterThan(0);
    expect(losses.epochs[1]!.strayInk).toBeGreaterThanOrEqual(0);
    expect(losses.epochs[1]!.isolatedPixels).toBeGreaterThanOrEqual(0);
    const [png] = await download(page, '#download-grid');
    expect(png!.name).toBe('samples-epoch-002.png');
    expect(png!.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Every epoch's grid stays: the picker goes back to epoch 1, shows and downloads that one.
    expect(await page.isVisible('#grid-epoch')).toBe(true);
    await page.$eval('#grid-epoch', (picker) => {
      (picker as HTMLInputElement).value = '0';
      picker.dispatchEvent(new Event('input'));
    });
    expect(await page.getAttribute('#grid', 'data-epoch')).toBe('1');
    expect(await text(page, '#grid-epoch-value')).toBe('epoch 1 of 2');
    expect(await text(page, '#grid-caption')).toMatch(/after epoch 1$/);
    const [first] = await download(page, '#download-grid');
    expect(first!.name).toBe('samples-epoch-001.png');
    expect(first!.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(first!.bytes.equals(png!.bytes)).toBe(false);
    const model = await download(page, '#download-model', 2);
    const modelJson = JSON.parse(model.find((f) => f.name === 'model.json')!.bytes.toString('utf8'));
    const weights = model.find((f) => f.name === 'weights.bin')!.bytes;
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);
    const values = modelJson.weightsManifest[0].weights.reduce(
      (n: number, w: { shape: number[] }) => n + w.shape.reduce((a, b) => a * b, 1),
      0,
    );
    expect(weights.byteLength).toBe(values * 4);
    // tfjs-layers loads it in Node, and it draws what the generator in the page's checkpoint draws.
    const [checkpoint] = await download(page, '#download-checkpoint');
    await initBackend('cpu');
    const loaded = await loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology,
        weightSpecs: modelJson.weightsManifest[0].weights,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      }),
    );
    const trainer = restoreGanTrainer(decodeGanCheckpoint(new Uint8Array(checkpoint!.bytes)));
    const fromCheckpoint = await loadLayersModel(tf.io.fromMemory(await exportGenerator(trainer)));
    // The default GAN is class-conditional: its model takes the noise followed by a one-hot digit.
    const z = tf.randomNormal([4, trainer.config.latentDim + trainer.config.classCount], 0, 1, 'float32', 7);
    const [a, b] = [loaded.predict(z) as tf.Tensor, fromCheckpoint.predict(z) as tf.Tensor];
    expect(a.shape).toEqual([4, 28, 28, 1]);
    // The batch normalization's standing statistics in the two models were summed on WASM (the page) and on
    // CPU (here), in another order: float32 rounding, ~1e-5 on [−1, 1] pixels through the DCGAN's layers.
    expect(tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]).toBeLessThan(1e-4);
    tf.dispose([a, b, z]);
    trainer.dispose();
    expect(problems).toEqual([]);
    await page.close();
  });

  test('webgl: a short run updates the chart and the grid', async () => {
    const { page, problems } = await openPage();
    await fill(page, { backend: 'webgl', epochs: 1, batchSize: 32, digits: 128 });
    await page.click('#start');
    expect(await runToEnd(page)).toBe('ended');
    expect(await text(page, '#backend-report')).toMatch(/^backend: webgl \(WebGL 2/);
    const { points, grids } = await seen(page);
    expect(points.at(-1)).toBe(4);
    expect(grids).toEqual([1]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('webgpu: trains where its read-back works; where it does not (headless SwiftShader), asked by name it says so, and auto goes on to webgl saying why', async () => {
    const { page, problems } = await openPage();
    await fill(page, { backend: 'webgpu', epochs: 1, batchSize: 32, digits: 64 });
    await page.click('#start');
    const end = await runToEnd(page);
    if (end === 'ended') {
      // A browser whose WebGPU reads back synchronously: it trains like the others.
      expect((await seen(page)).grids).toEqual([1]);
    } else {
      expect(await text(page, '#message')).toMatch(
        /^webgpu started \(google swiftshader\), but its synchronous read-back, which every training step uses, does not work in this browser \(a product of ones read back as .*\): choose webgl or wasm$/,
      );
      await fill(page, { backend: 'auto' });
      await page.click('#start');
      expect(await runToEnd(page)).toBe('ended');
      const report = await text(page, '#backend-report');
      expect(report).toMatch(/^backend: webgl .*requested auto\n/);
      expect(report).toContain('skipped webgpu: its synchronous read-back, which every training step uses, does not work in this browser');
      expect((await seen(page)).grids).toEqual([1]);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  test('Pause stops the steps and the page stays responsive; Resume goes on to the end; a checkpoint saves while paused', async () => {
    const { page, problems } = await openPage();
    await fill(page, { backend: 'wasm', epochs: 1, batchSize: 16, digits: 1600 });
    await page.click('#start');
    await page.waitForFunction(() => Number(document.querySelector<SVGElement>('#chart svg')?.dataset.points ?? 0) >= 5);
    await page.click('#pause');
    await page.waitForFunction(() => document.body.dataset.state === 'paused');
    const at = Number(await page.locator('#chart svg').getAttribute('data-points'));
    await page.waitForTimeout(700);
    expect(Number(await page.locator('#chart svg').getAttribute('data-points'))).toBe(at);
    expect(at).toBeLessThan(100);
    expect(await text(page, '#status')).toBe('paused');
    const [checkpoint] = await download(page, '#download-checkpoint');
    expect(checkpoint!.name).toBe('gan-checkpoint.bin');
    expect(checkpoint!.bytes.subarray(0, 8).toString('latin1')).toBe('DLKITGAN');
    await page.click('#resume');
    expect(await runToEnd(page)).toBe('ended');
    expect(await text(page, '#status')).toBe('done: 1 epoch, 100 steps');
    expect((await seen(page)).points.at(-1)).toBe(100);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('Stop ends the run after the current step; its checkpoint holds the steps done', async () => {
    const { page, problems } = await openPage();
    await fill(page, { backend: 'wasm', epochs: 1, batchSize: 16, digits: 1600 });
    await page.click('#start');
    await page.waitForFunction(() => Number(document.querySelector<SVGElement>('#chart svg')?.dataset.points ?? 0) >= 3);
    await page.click('#stop');
    expect(await runToEnd(page)).toBe('ended');
    const status = await text(page, '#status');
    const stoppedAt = Number(/^stopped at step (\d+) \(epoch 1\): the checkpoint continues it$/.exec(status)?.[1]);
    expect(stoppedAt, status).toBeGreaterThanOrEqual(3);
    expect(stoppedAt).toBeLessThan(100);
    expect(await text(page, '#resume-hint')).toContain('pnpm demo --resume --out out --limit 1600 --epochs 11');
    const [checkpoint] = await download(page, '#download-checkpoint');
    expect(decodeGanCheckpoint(new Uint8Array(checkpoint!.bytes)).step).toBe(stoppedAt);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('checkpoints move both ways: the page continues a Node run, and Node continues the page’s, every later step with the same losses, bit for bit', async () => {
    // Node: epoch 1, then --resume to epoch 2 (the reference for both directions).
    const nodeRun = join(work, 'node');
    nodeDemo(['--out', nodeRun, '--batch-size', '32', '--epochs', '1']);
    const nodeEpoch1 = join(work, 'node-epoch-1.bin');
    copyFileSync(join(nodeRun, 'gan-checkpoint.bin'), nodeEpoch1);
    nodeDemo(['--out', nodeRun, '--resume', '--epochs', '2']);
    const node = lossesOf(readFileSync(join(nodeRun, 'losses.json'))).steps;
    expect(node).toHaveLength(16);

    const { page, problems } = await openPage();
    // Page → Node: epoch 1 in the page, its checkpoint and losses.json continued by `pnpm demo --resume`.
    await fill(page, { backend: 'wasm', epochs: 1, batchSize: 32, digits: 256 });
    await page.click('#start');
    expect(await runToEnd(page)).toBe('ended');
    const pageRun = join(work, 'page');
    mkdirSync(pageRun);
    const [checkpoint] = await download(page, '#download-checkpoint');
    const [json] = await download(page, '#download-losses-json');
    writeFileSync(join(pageRun, checkpoint!.name), checkpoint!.bytes);
    writeFileSync(join(pageRun, json!.name), json!.bytes);
    const resumed = nodeDemo(['--out', pageRun, '--resume', '--epochs', '2']);
    expect(resumed.stdout).toMatch(/^done: 2 epochs, 16 steps/);
    const pageThenNode = lossesOf(readFileSync(join(pageRun, 'losses.json'))).steps;

    // The page continues its own checkpoint: the reference for Node's continuation of it.
    const continueInPage = async (file: string) => {
      await page.setInputFiles('#checkpoint-file', file);
      expect(await message(page)).toContain(`${basename(file)}: Start continues this run`);
      await fill(page, { epochs: 2 });
      await page.click('#start');
      expect(await runToEnd(page)).toBe('ended');
      expect(await text(page, '#status')).toBe('done: 2 epochs, 16 steps');
      return lossesOf((await download(page, '#download-losses-json'))[0]!.bytes).steps;
    };
    const pageThenPage = await continueInPage(join(pageRun, checkpoint!.name));
    // Node → page: Node's epoch-1 checkpoint chosen in the file input, continued in the page.
    const nodeThenPage = await continueInPage(nodeEpoch1);

    // Every step after a hand-over is the same on both sides, bit for bit: the checkpoint carries the whole
    // state (weights, Adam's moments, the EMA, the step count, hence batches, noise and dropout), and the
    // page's WASM and Node's run the same kernels, dlkit's GEMM summing in one order whatever the threads.
    const compare = (a: StepRow[], b: StepRow[], what: string) => {
      expect(a.map((s) => s.step)).toEqual(b.map((s) => s.step));
      const diffs = a.map((s, i) => Math.max(Math.abs(s.dLoss - b[i]!.dLoss), Math.abs(s.gLoss - b[i]!.gLoss)));
      const shown = `${what}: |Δ loss| by step ${JSON.stringify(diffs.map((d) => Number(d.toPrecision(2))))}`;
      expect(Math.max(...diffs), shown).toBe(0);
    };
    compare(pageThenNode, pageThenPage, 'the page’s checkpoint continued in Node and in the page');
    compare(nodeThenPage, node, 'Node’s checkpoint continued in the page and in Node');
    // And the two sides' fresh runs (same seed, same digits) are the same run, bit for bit.
    compare(pageThenPage, node, 'the page’s run and Node’s');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('VAE checkpoints move both ways too: the same second epoch in the page and in `pnpm demo vae train --resume`', async () => {
    const vaeTrain = (out: string, args: string[]) => nodeDemo(['--out', out, ...args], ['vae', 'train']);
    const nodeRun = join(work, 'vae-node');
    vaeTrain(nodeRun, ['--batch-size', '32', '--epochs', '1']);
    const nodeEpoch1 = join(work, 'vae-node-epoch-1.json');
    copyFileSync(join(nodeRun, 'vae', 'vae-checkpoint.json'), nodeEpoch1);
    vaeTrain(nodeRun, ['--resume', '--epochs', '2']);
    type VaeEpoch = { epoch: number; trainLoss: number; testLoss: number };
    const node = (JSON.parse(readFileSync(join(nodeRun, 'vae', 'elbo.json'), 'utf8')) as { epochs: VaeEpoch[] }).epochs;
    expect(node).toHaveLength(2);

    const { page, problems } = await openPage();
    await page.click('#tab-vae');
    // Page → Node.
    await fill(page, { backend: 'wasm', epochs: 1, batchSize: 32, digits: 256 });
    await page.click('#start');
    expect(await runToEnd(page)).toBe('ended');
    const pageRun = join(work, 'vae-page');
    mkdirSync(join(pageRun, 'vae'), { recursive: true });
    const [checkpoint] = await download(page, '#download-checkpoint');
    writeFileSync(join(pageRun, 'vae', checkpoint!.name), checkpoint!.bytes);
    vaeTrain(pageRun, ['--resume', '--epochs', '2']);
    const pageThenNode = (JSON.parse(readFileSync(join(pageRun, 'vae', 'elbo.json'), 'utf8')) as { epochs: VaeEpoch[] }).epochs;
    // Node → page.
    await page.setInputFiles('#checkpoint-file', nodeEpoch1);
    expect(await message(page)).toContain('vae-node-epoch-1.json: Start continues this run');
    await fill(page, { epochs: 2 });
    await page.click('#start');
    expect(await runToEnd(page)).toBe('ended');
    const nodeThenPage = (JSON.parse((await download(page, '#download-losses-json'))[0]!.bytes.toString('utf8')) as { epochs: VaeEpoch[] })
      .epochs;
    for (const run of [pageThenNode, nodeThenPage]) {
      expect(run.map((e) => e.epoch)).toEqual([1, 2]);
      run.forEach((e, i) => {
        expect(e.trainLoss).toBeCloseTo(node[i]!.trainLoss, 2);
        expect(e.testLoss).toBeCloseTo(node[i]!.testLoss, 2);
      });
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  test('bad input gets one clear message on the page, and nothing starts', async () => {
    const { page, problems } = await openPage();
    const cases: [Form, string][] = [
      [{ batchSize: 0 }, 'Batch size must be a whole number from 1 to 4,096 (found “0”)'],
      [{ batchSize: 64, learningRate: 'NaN' }, 'Learning rate must be a number between 0 and 1, such as 2e-4 (found “NaN”)'],
      [{ learningRate: '5e-4', epochs: '' }, 'Epochs must be a whole number from 1 to 100,000 (found nothing)'],
      [{ epochs: 1, digits: 10 }, 'Batch size 64 is more than the 10 digits: not one batch to train on (lower it, or raise Digits)'],
    ];
    for (const [form, message] of cases) {
      await fill(page, form);
      await page.click('#start');
      expect(await text(page, '#message')).toBe(message);
      expect(await state(page)).toBe('idle');
    }
    // A file that is no checkpoint, and a VAE checkpoint offered to the GAN.
    const foreign = join(work, 'notes.txt');
    writeFileSync(foreign, 'not a checkpoint');
    await page.setInputFiles('#checkpoint-file', foreign);
    expect(await message(page)).toBe(
      'notes.txt is not a dlkit checkpoint (expected gan-checkpoint.bin from pnpm demo or this page, or vae-checkpoint.json from pnpm demo vae train)',
    );
    const vae = join(work, 'vae-checkpoint.json');
    writeFileSync(vae, '{"format":"dlkit-vae-checkpoint","version":1}');
    await page.setInputFiles('#checkpoint-file', vae);
    expect(await message(page)).toBe('vae-checkpoint.json is a VAE checkpoint: open the VAE tab to continue it');
    // A damaged GAN checkpoint: the worker's restore says why, the page shows it.
    const damaged = join(work, 'gan-checkpoint.bin');
    writeFileSync(damaged, Buffer.concat([Buffer.from('DLKITGAN'), Buffer.alloc(40)]));
    await page.setInputFiles('#checkpoint-file', damaged);
    await fill(page, { backend: 'wasm', digits: 256, batchSize: 32 });
    await page.click('#start');
    expect(await runToEnd(page)).toBe('failed');
    expect(await text(page, '#message')).toMatch(/checkpoint/i);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the VAE tab trains the 784-400-20 VAE: −ELBO chart, prior samples, test −ELBO per epoch, its checkpoint and decoder', async () => {
    const { page, problems } = await openPage();
    await page.click('#tab-vae');
    expect(await page.inputValue('#batch-size')).toBe('128');
    await fill(page, { backend: 'wasm', epochs: 2, batchSize: 32, digits: 256 });
    await page.click('#start');
    expect(await runToEnd(page)).toBe('ended');
    expect(await text(page, '#chart-caption')).toMatch(/^VAE 784-400-20/);
    const { points, grids } = await seen(page);
    expect(points.at(-1)).toBe(16);
    expect(grids).toEqual([1, 2]);
    const rows = await page.locator('#epochs-table tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    const [checkpoint] = await download(page, '#download-checkpoint');
    expect(checkpoint!.name).toBe('vae-checkpoint.json');
    expect(JSON.parse(checkpoint!.bytes.toString('utf8')).format).toBe('dlkit-vae-checkpoint');
    const model = await download(page, '#download-model', 2);
    expect(JSON.parse(model.find((f) => f.name === 'model.json')!.bytes.toString('utf8')).format).toBe('layers-model');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'demo-web-vae-wasm.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
