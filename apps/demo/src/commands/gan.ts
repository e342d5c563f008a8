import { basename, join } from 'node:path';
import { createGanMetrics, createGanTrainer, ganStepsPerEpoch, loadGanCheckpoint, loadMnistClassifier, trainGan } from '@dlkit/gan/node';
import { loadMnist } from '@dlkit/mnist/node';
import { removeFiles } from '../output/remove-files';
import { epochRows } from '../gan/epoch-rows';
import { ganModelName } from '../gan/gan-model-name';
import { type GanVariant, ganVariantConfig, ganVariantOf } from '../gan/gan-variants';
import { describeGanEpoch, ganStepLosses } from '../gan/gan-progress';
import { type GanRunSummary, parseGanRunSummary } from '../gan/gan-run-summary';
import { readSampleGrids, sampleGridName } from '../gan/sample-grids';
import { ganRunFileNames, writeGanRunFiles } from '../gan/write-gan-run-files';
import { writeSampleGrid } from '../gan/write-sample-grid';
import { checkpointNames } from '../training/checkpoint-names';
import { readRunSummary } from '../training/read-run-summary';
import { runTrainingCommand } from '../training/run-training-command';
import type { TrainingRunResult } from '../training/training-command';
import type { TrainingOptions } from '../training/training-options';

/** Options of {@link runGan}, as the command line gives them. */
export interface GanOptions extends TrainingOptions {
  model: GanVariant;
  /** β of the generator's weight average that draws samples and metrics; 0 = the trained weights. */
  ema: number;
  /** Top-k training: the fraction of G's fakes, those D rates most real, its loss counts; 1 = every fake. */
  topK: number;
}

/**
 * `demo gan` (the default command): trains the GAN into --out itself — losses, chart, a sample grid per
 * epoch, FID and MNIST score against held-out digits, checkpoint, report — through the training
 * skeleton that `demo vae train` shares; what is the GAN's own is below.
 */
export async function runGan(options: GanOptions): Promise<TrainingRunResult<GanRunSummary>> {
  return runTrainingCommand(options, {
    command: 'pnpm demo',
    kind: 'GAN',
    loadData: async () => ({
      train: await loadMnist({ source: options.data, split: 'train', limit: options.limit, normalize: '[-1,1]' }),
      // The digits FID compares the generator's against.
      reference: await loadMnist({ source: options.data, split: 'test', limit: 1000, normalize: '[-1,1]' }),
    }),
    stepsPerEpoch: ganStepsPerEpoch,
    createTrainer: () =>
      createGanTrainer({
        ...ganVariantConfig(options.model),
        batchSize: options.batchSize,
        learningRate: options.lr,
        emaDecay: options.ema,
        generatorTopFraction: options.topK,
        seed: options.seed,
      }),
    restoreTrainer: loadGanCheckpoint,
    resumeClashes: (run) => [
      ...(options.explicit.has('model') && options.model !== ganVariantOf(run)
        ? [`--model ${options.model} (the run is ${ganVariantOf(run)})`]
        : []),
      ...(options.explicit.has('ema') && options.ema !== run.emaDecay ? [`--ema ${options.ema} (the run uses ${run.emaDecay})`] : []),
      ...(options.explicit.has('topK') && options.topK !== run.generatorTopFraction
        ? [`--top-k ${options.topK} (the run uses ${run.generatorTopFraction})`]
        : []),
    ],
    readRun: async (dir) => {
      const run = await readRunSummary(join(dir, 'losses.json'), parseGanRunSummary);
      return run && { epochs: run.epochs.filter((e) => e.complete).length, seconds: run.seconds, data: run.data };
    },
    clearRun: async (dir) => {
      const grids = (await readSampleGrids(dir)).map((grid) => basename(grid.file));
      await removeFiles(dir, [checkpointNames.GAN, ...ganRunFileNames, ...grids]);
    },
    startRun: async (trainer, { train, reference }, dir) => {
      const classifier = await loadMnistClassifier();
      const metrics = await createGanMetrics({ classifier, reference, sampleCount: Math.min(1000, reference.count) });
      // What the metrics give real training digits: the mark the generator's numbers are read against.
      const realCount = Math.min(metrics.sampleCount, train.count);
      const real =
        realCount >= 2
          ? metrics.measure({ images: train.images.subarray(0, realCount * train.rows * train.cols), count: realCount })
          : undefined;
      return {
        model: ganModelName(trainer.config),
        train: (loop) => trainGan(trainer, train, { ...loop, metrics }),
        stepLosses: ganStepLosses,
        describeEpoch: (epoch, epochs) => describeGanEpoch({ ...epoch, complete: true }, epochs),
        summarize: (common) => ({
          format: 'dlkit-demo-gan-run@1',
          config: trainer.config,
          ...common,
          ...(real ? { realDigits: { ...real, count: realCount } } : {}),
          steps: trainer.history.steps,
          epochs: epochRows(trainer.history),
        }),
        writeFiles: async (summary, finished) => {
          if (finished) await writeSampleGrid(trainer, join(dir, sampleGridName(finished.epoch)));
          await writeGanRunFiles(dir, summary);
        },
        closing: (summary) => {
          const scored = summary.epochs.filter((e) => e.fid !== undefined).at(-1);
          const lastGrid = summary.epochs.filter((e) => e.complete).at(-1);
          return {
            quality: scored
              ? `; FID ${scored.fid!.toFixed(1)}, MNIST score ${scored.mnistScore!.toFixed(2)}, stray ink ${scored.strayInk?.toFixed(1) ?? '–'} px and isolated pixels ${scored.isolatedPixels?.toFixed(3) ?? '–'} a digit${real ? ` (real digits: ${real.fid.toFixed(1)}, ${real.mnistScore.toFixed(2)}, ${real.strayInk.toFixed(1)}, ${real.isolatedPixels.toFixed(3)})` : ''}`
              : '',
            files: [
              ['losses.png', 'G and D loss vs epoch (also losses.svg)'],
              ...(lastGrid
                ? [
                    [
                      sampleGridName(lastGrid.epoch),
                      `samples from the fixed noise (one per epoch)${summary.config.classCount > 0 ? `, each row the digits 0 to ${summary.config.classCount - 1}` : ''}${summary.config.emaDecay > 0 ? ", drawn by the EMA of G's weights" : ''}`,
                    ] as const,
                  ]
                : []),
              ['losses.csv', 'every step; epochs.csv per epoch with FID, MNIST score, stray ink and isolated pixels; losses.json both'],
            ],
          };
        },
        dispose: () => classifier.dispose(),
      };
    },
  });
}
