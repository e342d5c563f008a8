import { join } from 'node:path';
import { loadMnist } from '@dlkit/mnist/node';
import { createVaeTrainer, loadVaeCheckpoint, trainVae, vaeStepsPerEpoch } from '@dlkit/vae/node';
import { removeFiles } from '../output/remove-files';
import { checkpointNames } from '../training/checkpoint-names';
import { readRunSummary } from '../training/read-run-summary';
import { runTrainingCommand } from '../training/run-training-command';
import type { TrainingRunResult } from '../training/training-command';
import type { TrainingOptions } from '../training/training-options';
import { describeVaeEpoch, vaeStepLosses } from '../vae/vae-progress';
import { parseVaeRunSummary, type VaeRunSummary } from '../vae/vae-run-summary';
import { vaeFigureNames, writeVaeFigures } from '../vae/write-vae-figures';
import { vaeRunFileNames, writeVaeRunFiles } from '../vae/write-vae-run-files';

/** Options of {@link runVaeTrain}, as the command line gives them. */
export type VaeTrainOptions = TrainingOptions;

/**
 * `demo vae train`: trains the default VAE (784-400-20) into `<out>/vae/` — elbo.csv/.json/.svg/.png
 * with the test −ELBO of every epoch, samples, reconstructions, checkpoint, report — through the
 * training skeleton that `demo gan` shares; what is the VAE's own is below.
 */
export async function runVaeTrain(options: VaeTrainOptions): Promise<TrainingRunResult<VaeRunSummary>> {
  return runTrainingCommand(options, {
    command: 'pnpm demo vae train',
    folder: 'vae',
    kind: 'VAE',
    loadData: async () => ({
      train: await loadMnist({ source: options.data, split: 'train', limit: options.limit, normalize: '[0,1]' }),
      // Every test digit: the test −ELBO of each epoch is measured on them.
      test: await loadMnist({ source: options.data, split: 'test', normalize: '[0,1]' }),
    }),
    stepsPerEpoch: vaeStepsPerEpoch,
    createTrainer: () => createVaeTrainer({ batchSize: options.batchSize, learningRate: options.lr, seed: options.seed }),
    restoreTrainer: loadVaeCheckpoint,
    readRun: async (dir) => {
      const run = await readRunSummary(join(dir, 'elbo.json'), parseVaeRunSummary);
      return run && { epochs: run.epochs.length, seconds: run.seconds, data: run.data };
    },
    clearRun: (dir) => removeFiles(dir, [checkpointNames.VAE, ...vaeRunFileNames, ...Object.values(vaeFigureNames)]),
    startRun: async (trainer, { train, test }, dir) => ({
      model: `VAE ${[784, ...trainer.config.hiddenSizes, trainer.config.latentSize].join('-')}`,
      train: (loop) => trainVae(trainer, train, { ...loop, testData: test }),
      stepLosses: vaeStepLosses,
      describeEpoch: describeVaeEpoch,
      summarize: (common) => ({
        format: 'dlkit-demo-vae-run@1',
        config: trainer.config,
        ...common,
        steps: trainer.stepCount,
        testDigits: test.count,
        epochs: trainer.history.epochs,
      }),
      // The figures after every epoch and at the end: a resumed run with nothing to train still gets them (they are cheap).
      writeFiles: async (summary) => {
        await writeVaeFigures(trainer.vae, test, dir);
        await writeVaeRunFiles(dir, summary);
      },
      closing: (summary) => {
        const last = summary.epochs.at(-1);
        return {
          quality: last?.testLoss !== undefined ? `; test −ELBO ${last.testLoss.toFixed(2)} nats per digit` : '',
          files: [
            ...(last ? [['elbo.png', 'test −ELBO vs epoch (also elbo.svg)'] as const] : []),
            [vaeFigureNames.samples, 'digits decoded from z ~ N(0, I)'],
            [vaeFigureNames.reconstructions, 'test digits above their reconstructions'],
            ['elbo.csv', 'per epoch: train and test −ELBO with reconstruction and KL; elbo.json the same and the settings'],
          ],
        };
      },
    }),
  });
}
