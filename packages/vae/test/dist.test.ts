import { builtPackage } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';

// The built package as a user's program runs it: a fresh Node process, no vitest transforms.
const { runNode } = builtPackage(import.meta.url);

const program = (load: string) => `
${load}
(async () => {
  await backend.initBackend('wasm', { env: {} });
  const trainer = vae.createVaeTrainer({ inputSize: 8, hiddenSizes: [4], latentSize: 2, seed: 1 });
  const batch = tf.fill([4, 8], 0.5);
  const first = trainer.step(batch).loss;
  let last = first;
  for (let i = 0; i < 20; i++) last = trainer.step(batch).loss;
  const fit = vae.fitPosterior({ objective: 'forward-kl', family: 'diagonal' });
  const decoder = await vae.exportVaeDecoder(trainer.vae);
  console.log(last < first, fit.covers, Object.keys(vae).length > 10, decoder.weightSpecs.map((w) => w.name).join(' '));
})();`;

describe('the built package (dist)', () => {
  test('trains a step, fits a posterior and exports the decoder from ESM', () => {
    const load = `import * as tf from '@tensorflow/tfjs-core'; import * as backend from '@dlkit/backend'; import * as vae from '@dlkit/vae';`;
    expect(runNode(program(load), 'module')).toBe(
      'true both modes true decoder_0/kernel decoder_0/bias decoder_out/kernel decoder_out/bias\n',
    );
  });

  test('trains a step, fits a posterior and exports the decoder from CommonJS', () => {
    const load = `const tf = require('@tensorflow/tfjs-core'); const backend = require('@dlkit/backend'); const vae = require('@dlkit/vae');`;
    expect(runNode(program(load), 'commonjs')).toBe(
      'true both modes true decoder_0/kernel decoder_0/bias decoder_out/kernel decoder_out/bias\n',
    );
  });
});
