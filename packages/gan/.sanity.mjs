import { initBackend } from '@dlkit/backend';
import { loadMnist } from '@dlkit/mnist';
import { createGanMetrics, createGanTrainer, loadMnistClassifier, trainGan } from '@dlkit/gan';
await initBackend('wasm');
const train = await loadMnist({ source: 'embedded', split: 'train', normalize: '[-1,1]' });
const test = await loadMnist({ source: 'embedded', split: 'test', normalize: '[-1,1]' });
const metrics = await createGanMetrics({ classifier: await loadMnistClassifier(), reference: test, sampleCount: 1000 });
const real = metrics.measure({ images: train.images.slice(0, 1000 * 784), count: 1000 });
console.log('real train digits vs test reference:', real);
const trainer = createGanTrainer({ generatorUnits: [128, 256], discriminatorUnits: [256, 128], batchSize: 64, seed: 1, learningRate: 2e-4 });
const t0 = Date.now();
for await (const e of trainGan(trainer, train, { epochs: Number(process.env.EPOCHS ?? 6), metrics })) {
  if (e.type === 'epoch') console.log(`epoch ${e.epoch} d ${e.dLoss.toFixed(3)} g ${e.gLoss.toFixed(3)} D(x) ${e.dReal.toFixed(2)} D(G) ${e.dFake.toFixed(2)} fid ${e.fid.toFixed(2)} score ${e.mnistScore.toFixed(2)} t ${((Date.now() - t0) / 1000).toFixed(0)}s`);
}
const imgs = trainer.generate(6);
const v = imgs.dataSync();
for (let r = 0; r < 28; r += 2) {
  let line = '';
  for (let n = 0; n < 6; n++) { for (let c = 0; c < 28; c++) line += v[n * 784 + r * 28 + c] > 0 ? '#' : v[n * 784 + r * 28 + c] > -0.5 ? '+' : ' '; line += ' | '; }
  console.log(line);
}
