import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedTempDir } from '@dlkit/test-utils';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { createUserFolder, install, sh, typecheck } from './_user-folder';

// The oldest tfjs-core the peer ranges accept: every ^ range starts here, and this file installs the
// packages that take a range next to it. (@dlkit/backend, and gan and vae through it, pin the version
// tfjs-backend-wasm pins; their README says why.) @tensorflow/tfjs of the same version brings the
// backends and registers the gradients, as a user of that version has them.
const oldest = '4.0.0';

const packed = inject('packed');
const packagesDir = fileURLToPath(new URL('../../packages', import.meta.url));
const manifest = (folder: string) =>
  JSON.parse(readFileSync(join(packagesDir, folder, 'package.json'), 'utf8')) as { peerDependencies?: Record<string, string> };
const peerOf = (folder: string) => manifest(folder).peerDependencies?.['@tensorflow/tfjs-core'];
const ranged = packed.filter(({ folder }) => peerOf(folder)?.startsWith('^'));
const dir = sharedTempDir('dlkit-oldest-tfjs-');

beforeAll(async () => {
  const specs = [...ranged.map((p) => p.name), `@tensorflow/tfjs-core@${oldest}`, `@tensorflow/tfjs@${oldest}`];
  createUserFolder(dir, 'npm', packed, specs);
  // no --force, no --legacy-peer-deps: npm must accept the peer ranges as they are
  await install(dir, 'npm', specs, packed);
});

describe(`the packages with a tfjs-core range, next to tfjs-core ${oldest}`, () => {
  test(`every tfjs-core peer range starts at ${oldest}; exact pins only where @dlkit/backend forces one`, () => {
    expect(ranged.map((p) => p.name).sort()).toEqual(['@dlkit/lstm-grad', '@dlkit/mnist', '@dlkit/plot', '@dlkit/training']);
    for (const { folder } of ranged) expect(peerOf(folder)).toBe(`^${oldest}`);
    for (const folder of ['backend', 'gan', 'vae']) expect(peerOf(folder)).toBe('4.22.0');
  });

  test("lstm's analytic gradient matches the float64 reference; mnist's tensors, plot's image grid and training's loop and layers-model artifacts work", async () => {
    const program = `
      import * as tf from '@tensorflow/tfjs';
      import { float64Tensor, lstmBackward, lstmForward } from '@dlkit/lstm-grad';
      import { lstm } from '@dlkit/lstm-grad/tfjs';
      import { loadMnist } from '@dlkit/mnist';
      import { toTensors } from '@dlkit/mnist/tfjs';
      import { imageGrid } from '@dlkit/plot';
      import { denseLayer, layersModelArtifacts, runEpochs, sequentialTopology } from '@dlkit/training';

      await tf.setBackend('cpu');
      const [T, B, X, H] = [3, 2, 2, 3];
      const xs = Array.from({ length: T * B * X }, (_, k) => Math.sin(k + 1));
      const ws = Array.from({ length: 4 * H * (H + X) }, (_, k) => Math.cos(k) / 2);
      const x = tf.tensor3d(xs, [T, B, X]);
      const [dW] = tf.grads((W) => tf.sum(lstm(x, { W }).h))([tf.tensor2d(ws, [4 * H, H + X])]);
      const reference = lstmBackward(
        lstmForward(float64Tensor([T, B, X], xs), { W: float64Tensor([4 * H, H + X], ws) }),
        float64Tensor([T, B, H], new Array(T * B * H).fill(1)),
      ).dW.data;
      const error = Math.max(...Array.from(dW.dataSync(), (v, k) => Math.abs(v - reference[k])));

      const { images, labels } = toTensors(await loadMnist({ limit: 16 }), { oneHot: true });
      const png = imageGrid(images.reshape([16, 28, 28]), { width: 28, height: 28 });
      let steps = 0;
      for await (const event of runEpochs({ count: 10, batchSize: 4, stepsPerEpoch: 2, seed: 1, shuffleStream: 6, epochs: 2 })) {
        if (event.type === 'step') steps++;
      }
      const kernel = tf.ones([3, 2]);
      const artifacts = await layersModelArtifacts(sequentialTopology('m', [3], [denseLayer('d', 2)]), [{ name: 'd/kernel', tensor: kernel }], 'check');
      const weights = artifacts.weightData.byteLength;
      console.log(JSON.stringify({ core: tf.version_core, error, images: images.shape, labels: labels.shape, png: png.length > 100, steps, weights }));`;
    writeFileSync(join(dir, 'check.mjs'), program);
    const lines = (await sh(dir, process.execPath, ['check.mjs'])).split('\n').filter((line) => line.startsWith('{'));
    const result = JSON.parse(lines.at(-1)!);
    expect(result).toMatchObject({ core: oldest, images: [16, 784], labels: [16, 10], png: true, steps: 4, weights: 24 });
    expect(result.error).toBeLessThan(1e-5);
  });

  test(`the packages' types check against tfjs-core ${oldest}'s`, async () => {
    const program = `
      import * as tf from '@tensorflow/tfjs-core';
      import { lstm } from '@dlkit/lstm-grad/tfjs';
      import { loadMnist } from '@dlkit/mnist';
      import { type MnistTensors, toTensors } from '@dlkit/mnist/tfjs';
      import { imageGrid } from '@dlkit/plot';

      const W = tf.variable(tf.randomNormal<tf.Rank.R2>([12, 5]));
      const { hT }: { hT: tf.Tensor2D } = lstm(tf.zeros<tf.Rank.R3>([2, 1, 2]), { W });
      const tensors: MnistTensors = toTensors(await loadMnist({ limit: 4 }));
      const png: Uint8Array = imageGrid(tensors.images, { width: 28, height: 28 });
      console.log(hT.shape, png.length);`;
    writeFileSync(join(dir, 'types.mts'), program);
    await typecheck(dir, ['types.mts']);
  });
});
