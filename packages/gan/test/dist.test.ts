import { builtPackage } from '@dlkit/test-utils';
import { describe, expect, test } from 'vitest';

// The built package, run as a user's program would: a fresh Node process, ESM or CJS, no vitest.
const { runNode } = builtPackage(import.meta.url);

const program = (load: string) => `
${load}
(async () => {
  await backend.initBackend('wasm', { env: {} });
  const classifier = await gan.loadMnistClassifier();
  const trainer = gan.createGanTrainer({ imageShape: [28, 28], generatorUnits: [8], discriminatorUnits: [8], latentDim: 4, batchSize: 2 });
  const real = tf.zeros([2, 784]);
  const losses = trainer.step(real);
  const { probabilities } = classifier.classify(trainer.generate(3));
  const generator = await gan.exportGenerator(trainer);
  console.log(classifier.featureSize, probabilities.shape.join('x'), Number.isFinite(losses.dLoss), classifier.testAccuracy > 0.9, generator.weightSpecs.length);
})();`;

describe('the built package (dist)', () => {
  test('finds its shipped classifier, trains and exports the generator from ESM', () => {
    const load = `import * as tf from '@tensorflow/tfjs-core'; import * as backend from '@dlkit/backend'; import * as gan from '@dlkit/gan';`;
    expect(runNode(program(load), 'module')).toBe('64 3x10 true true 4\n');
  });

  test('finds its shipped classifier, trains and exports the generator from CJS', () => {
    const load = `const tf = require('@tensorflow/tfjs-core'); const backend = require('@dlkit/backend'); const gan = require('@dlkit/gan');`;
    expect(runNode(program(load), 'commonjs')).toBe('64 3x10 true true 4\n');
  });
});
