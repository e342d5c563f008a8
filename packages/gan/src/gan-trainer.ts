import { Adam, movingAverage } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import type { NormalizationStatistics } from './_batch-normalization';
import { createDcganDiscriminator, createDcganGenerator } from './_dcgan-networks';
import { createMlpDiscriminator, createMlpGenerator } from './_mlp-networks';
import { disposeNetwork, joinBatches, type Network, relayout, type SampleLayout, sliceBatch } from './_network';
import { deriveSeed } from '@dlkit/random';
import { checkClasses, classesInTurn, drawClasses, withClasses } from './_classes';
import { randomStream } from './_random-stream';
import { type GanConfig, resolveGanConfig } from './gan-config';
import { GanError } from './gan-error';
import type { GanHistory, GanStepLosses } from './gan-history';
import { discriminatorLoss, generatorLoss } from './gan-losses';
import type { GanSnapshot, GanSnapshotTensor } from './gan-snapshot';

/** Options of GanTrainer.generate. */
export interface GenerateOptions {
  /** Seed of the noise batch. Without one: the run's fixed progress noise, the same z on every call. */
  seed?: number;
  /**
   * Which generator's weights: 'ema' (the moving average; the default when `config.emaDecay` > 0) or
   * 'trained' (the weights the optimizer updates; the default otherwise). 'ema' without EMA is a GanError.
   */
  weights?: 'ema' | 'trained';
  /**
   * A class-conditional GAN: the class of each of the `n` images (integers from 0 to classCount − 1).
   * Without them the classes come in turn, 0, 1, …, classCount − 1, 0, …; an unconditional GAN takes none.
   */
  classes?: ArrayLike<number>;
}

/** A GAN and its optimizers, trained one step at a time; owns its tensors until `dispose()`. */
export interface GanTrainer {
  readonly config: Readonly<GanConfig>;
  /** Training steps done so far (also the index that seeds the next step's noise and dropout). */
  readonly stepCount: number;
  /** Steps per epoch of the data being trained on; set by trainGan, kept in checkpoints. */
  stepsPerEpoch: number | null;
  /** Images of the data trainGan trains on; set by trainGan, kept in checkpoints (null before it has seen data). */
  imageCount: number | null;
  /** What the run has reported so far; trainGan appends to it. */
  readonly history: GanHistory;
  /**
   * One training step on a [batch, pixels] batch of real images in [−1, 1]: update D on the reals and
   * as many fakes, then G with fresh noise. A class-conditional GAN (`config.classCount` > 0) needs the
   * reals' classes; its fakes' are drawn uniformly. Returns the losses, read back from the device in one
   * go. Leaves `tf.memory().numTensors` unchanged.
   */
  step(realBatch: tf.Tensor2D, classes?: ArrayLike<number>): GanStepLosses;
  /**
   * `n` generated images as a [n, pixels] tensor in [−1, 1], by the EMA generator when `config.emaDecay` > 0
   * (see GenerateOptions.weights); the caller disposes it.
   */
  generate(n: number, options?: GenerateOptions): tf.Tensor2D;
  /**
   * The discriminator's logits (dropout off) for [n, pixels] images, of the given classes when the GAN is
   * class-conditional; the caller disposes them.
   */
  discriminate(images: tf.Tensor2D, classes?: ArrayLike<number>): tf.Tensor2D;
  /** The whole state as plain data (weights and optimizer moments copied out). */
  snapshot(): GanSnapshot;
  /** Frees every tensor the trainer holds; it cannot be used afterwards. */
  dispose(): void;
}

/** Builds a fresh GAN from `config` (defaults: the seed's reference MLP GAN), weights drawn from `config.seed`. */
export function createGanTrainer(config: Partial<GanConfig> = {}): GanTrainer {
  return new Trainer(resolveGanConfig(config));
}

/** Rebuilds the trainer a snapshot was taken from, bit for bit; throws a GanError if it does not fit its config. */
export function restoreGanTrainer(snapshot: GanSnapshot): GanTrainer {
  let config: GanConfig;
  try {
    config = resolveGanConfig(snapshot.config);
  } catch (error) {
    throw new GanError(`snapshot config: ${error instanceof Error ? error.message : String(error)}`, { kind: 'checkpoint', cause: error });
  }
  const trainer = new Trainer(config);
  try {
    trainer.restore(snapshot);
  } catch (error) {
    trainer.dispose();
    throw error;
  }
  return trainer;
}

/** The implementation behind GanTrainer; exported for the package's own modules (exportGenerator), not from the index. */
export class Trainer implements GanTrainer {
  readonly generator: Network;
  readonly discriminator: Network;
  readonly generatorOptimizer: Adam;
  readonly discriminatorOptimizer: Adam;
  /** The generator's exponential moving average (same architecture, own variables); null when emaDecay is 0. */
  readonly emaGenerator: Network | null;
  stepCount = 0;
  stepsPerEpoch: number | null = null;
  imageCount: number | null = null;
  history: GanHistory = { steps: [], epochs: [] };
  private disposed = false;
  /** The last standing statistics: whose, after which step, and their values. */
  private standingCache: { generator: Network; step: number; values: { mean: StoredValues; variance: StoredValues }[] } | undefined;

  constructor(readonly config: GanConfig) {
    const dcgan = config.model === 'dcgan';
    this.generator = dcgan ? createDcganGenerator(config) : createMlpGenerator(config);
    this.discriminator = dcgan ? createDcganDiscriminator(config) : createMlpDiscriminator(config);
    // Built from the same seed, so the average starts at the generator's initial weights.
    this.emaGenerator = config.emaDecay > 0 ? (dcgan ? createDcganGenerator(config) : createMlpGenerator(config)) : null;
    this.generatorOptimizer = new Adam(variablesOf(this.generator), config);
    this.discriminatorOptimizer = new Adam(variablesOf(this.discriminator), {
      ...config,
      learningRate: config.discriminatorLearningRate ?? config.learningRate,
    });
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** The generator that `generate` uses by default: the moving average when on, else the trained one. */
  get samplingGenerator(): Network {
    return this.emaGenerator ?? this.generator;
  }

  get pixels(): number {
    return this.config.imageShape[0] * this.config.imageShape[1];
  }

  step(realBatch: tf.Tensor2D, classes?: ArrayLike<number>): GanStepLosses {
    this.checkAlive();
    this.checkImages(realBatch, 'step(realBatch)');
    const batch = realBatch.shape[0];
    const realClasses = checkClasses(classes, batch, this.config.classCount, 'step(realBatch, classes)', true);
    const t = this.stepCount;
    const results = tf.tidy(() => {
      const generator = this.generator;
      const layout = this.discriminator.samplesIn;
      // A batch of fakes, each followed by its class when conditional, as the discriminator takes them.
      const fakesFrom = (noiseStream: number, classStream: number) => {
        const fakeClasses = this.stepClasses(batch, classStream, t);
        const input = relayout(this.withClasses(this.stepNoise(batch, noiseStream, t), fakeClasses, 'rows'), 'rows', generator.samplesIn);
        return this.withClasses(relayout(generator.apply(input), generator.samplesIn, layout), fakeClasses, layout);
      };
      const reals = this.withClasses(relayout(realBatch, 'rows', layout), realClasses, layout);
      let discriminatorResults: tf.Tensor1D;
      let gPass: { value: tf.Scalar; grads: tf.NamedTensorMap };
      if (this.config.reuseFakes) {
        // One forward pass of G serves both updates: the discriminator's gradients are taken inside the
        // generator's tape (tfjs nests tapes), where the fakes are constants to them, and the generator's
        // gradient then flows through the same pass into the updated discriminator.
        gPass = tf.variableGrads(() => {
          const fakes = fakesFrom(randomStream.discriminatorNoise, randomStream.discriminatorClasses);
          discriminatorResults = tf.keep(this.discriminatorStep(reals, fakes, t));
          return this.generatorLossOf(fakes, t);
        }, variablesOf(generator));
      } else {
        discriminatorResults = this.discriminatorStep(
          reals,
          fakesFrom(randomStream.discriminatorNoise, randomStream.discriminatorClasses),
          t,
        );
        gPass = tf.variableGrads(
          () => this.generatorLossOf(fakesFrom(randomStream.generatorNoise, randomStream.generatorClasses), t),
          variablesOf(generator),
        );
      }
      this.generatorOptimizer.apply(gradientsInOrder(gPass.grads, generator));
      if (this.emaGenerator) updateAverage(this.emaGenerator, generator, emaStepDecay(this.config.emaDecay, t + 1));
      const losses = tf.concat([discriminatorResults!, tf.reshape(gPass.value, [1])]);
      discriminatorResults!.dispose(); // kept past the tape when the fakes are reused
      return losses;
    });
    const [dLoss, dReal, dFake, gLoss] = results.dataSync();
    results.dispose();
    this.stepCount = t + 1;
    return { dLoss: dLoss!, gLoss: gLoss!, dReal: dReal!, dFake: dFake! };
  }

  /** A class-conditional GAN's classes of step t's fakes, uniform from one of its random streams; undefined otherwise. */
  private stepClasses(batch: number, stream: number, t: number): Int32Array | undefined {
    const { classCount, seed } = this.config;
    return classCount === 0 ? undefined : drawClasses(batch, classCount, deriveSeed(seed, stream, t));
  }

  /** A conditional GAN's classes for n samples, in turn; undefined otherwise. */
  private classesInTurn(n: number): Int32Array | undefined {
    return this.config.classCount === 0 ? undefined : classesInTurn(n, this.config.classCount);
  }

  /** A batch in `layout` with its classes joined as one-hot vectors (the batch itself without them). */
  private withClasses(x: tf.Tensor2D, classes: Int32Array | undefined, layout: SampleLayout): tf.Tensor2D {
    return withClasses(x, classes, this.config.classCount, layout);
  }

  /** Step t's batch of noise from one of its random streams. */
  private stepNoise(batch: number, stream: number, t: number): tf.Tensor2D {
    const { seed, latentDim } = this.config;
    return tf.randomNormal([batch, latentDim], 0, 1, 'float32', deriveSeed(seed, stream, t)) as tf.Tensor2D;
  }

  /**
   * Updates the discriminator on reals and fakes (both in its layout, classes appended when conditional) and returns [its loss, mean
   * D(real), mean D(fake)] before the update.
   */
  private discriminatorStep(reals: tf.Tensor2D, fakes: tf.Tensor2D, t: number): tf.Tensor1D {
    const { seed, labelSmoothing } = this.config;
    const discriminator = this.discriminator;
    const layout = discriminator.samplesIn;
    const batch = layout === 'rows' ? reals.shape[0] : reals.shape[1];
    const both = joinBatches(reals, fakes, layout);
    let logits: tf.Tensor2D | undefined;
    const dPass = tf.variableGrads(() => {
      // One pass over reals and fakes together: a single, larger matMul per layer.
      logits = tf.keep(discriminator.apply(both, { dropoutSeed: deriveSeed(seed, randomStream.discriminatorDropout, t) }));
      return discriminatorLoss(sliceBatch(logits, 0, batch, layout), sliceBatch(logits, batch, batch, layout), labelSmoothing);
    }, variablesOf(discriminator));
    const probabilities = tf.sigmoid(logits!);
    logits!.dispose();
    const dReal = tf.mean(sliceBatch(probabilities, 0, batch, layout));
    const dFake = tf.mean(sliceBatch(probabilities, batch, batch, layout));
    this.discriminatorOptimizer.apply(gradientsInOrder(dPass.grads, discriminator));
    return tf.stack([dPass.value, dReal, dFake]) as tf.Tensor1D;
  }

  /** The generator's loss on fakes (in the discriminator's layout) through the discriminator as it is now. */
  private generatorLossOf(fakes: tf.Tensor2D, t: number): tf.Scalar {
    const fakeLogits = this.discriminator.apply(fakes, {
      dropoutSeed: deriveSeed(this.config.seed, randomStream.generatorDropout, t),
    });
    return generatorLoss(fakeLogits, this.config.generatorTopFraction);
  }

  generate(n: number, options: GenerateOptions = {}): tf.Tensor2D {
    this.checkAlive();
    if (!Number.isInteger(n) || n < 1)
      throw new GanError(`generate(n): n must be a positive integer, found ${String(n)}`, { kind: 'input' });
    const weights = options.weights ?? (this.emaGenerator ? 'ema' : 'trained');
    if (weights !== 'ema' && weights !== 'trained')
      throw new GanError(`generate(n, { weights }): weights must be 'ema' or 'trained', found ${String(weights)}`, { kind: 'input' });
    if (weights === 'ema' && !this.emaGenerator)
      throw new GanError("generate(n, { weights: 'ema' }): this GAN keeps no moving average (config.emaDecay is 0)", { kind: 'input' });
    const generator = weights === 'ema' ? this.emaGenerator! : this.generator;
    const classes = checkClasses(options.classes, n, this.config.classCount, 'generate(n, { classes })', false) ?? this.classesInTurn(n);
    const noiseSeed = options.seed ?? deriveSeed(this.config.seed, randomStream.generateNoise, 0);
    const { samplesIn } = generator;
    return tf.tidy(() => {
      const noise = tf.randomNormal([n, this.config.latentDim], 0, 1, 'float32', noiseSeed) as tf.Tensor2D;
      const statistics = this.standingStatistics(generator);
      const input = relayout(this.withClasses(noise, classes, 'rows'), 'rows', samplesIn);
      return relayout(generator.apply(input, { statistics }), samplesIn, 'rows');
    });
  }

  /**
   * A batch-normalized generator's sampling statistics: each layer's over a fixed reference batch of
   * noise through the same weights ("standing statistics"), exact for the EMA's weights too, which never
   * train; undefined for a generator without normalization. Inside a tidy: the caller's scope frees them.
   */
  standingStatistics(generator: Network): NormalizationStatistics[] | undefined {
    if (!generator.statisticsOf) return undefined;
    // Weights change only in a step (or a restore): the metrics' two draws and the grid after an epoch
    // share one pass. Kept as plain values, so no tensor outlives a call.
    const cached = this.standingCache;
    if (cached?.generator !== generator || cached.step !== this.stepCount) {
      const { seed, latentDim } = this.config;
      const values = tf.tidy(() => {
        const reference = tf.randomNormal(
          [standingBatch, latentDim],
          0,
          1,
          'float32',
          deriveSeed(seed, randomStream.normalizationNoise, 0),
        );
        const input = this.withClasses(reference as tf.Tensor2D, this.classesInTurn(standingBatch), 'rows');
        return generator.statisticsOf!(relayout(input, 'rows', generator.samplesIn)).map(({ mean, variance }) => ({
          mean: { shape: mean.shape, values: mean.dataSync() as Float32Array },
          variance: { shape: variance.shape, values: variance.dataSync() as Float32Array },
        }));
      });
      this.standingCache = { generator, step: this.stepCount, values };
    }
    return this.standingCache!.values.map(({ mean, variance }) => ({
      mean: tf.tensor(mean.values, mean.shape),
      variance: tf.tensor(variance.values, variance.shape),
    }));
  }

  discriminate(images: tf.Tensor2D, classes?: ArrayLike<number>): tf.Tensor2D {
    this.checkAlive();
    this.checkImages(images, 'discriminate(images)');
    const checked = checkClasses(classes, images.shape[0], this.config.classCount, 'discriminate(images, classes)', true);
    const { samplesIn } = this.discriminator;
    return tf.tidy(() =>
      relayout(this.discriminator.apply(this.withClasses(relayout(images, 'rows', samplesIn), checked, samplesIn)), samplesIn, 'rows'),
    );
  }

  snapshot(): GanSnapshot {
    this.checkAlive();
    const tensors: GanSnapshotTensor[] = [];
    const add = (name: string, tensor: tf.Tensor) =>
      tensors.push({ name, shape: [...tensor.shape], values: tensor.dataSync() as Float32Array });
    for (const { name, variable } of this.allParameters()) add(name, variable);
    for (const [network, optimizer] of this.pairs()) {
      network.parameters.forEach(({ name }, i) => {
        add(`optimizer/${name}/m`, optimizer.firstMoments[i]!);
        add(`optimizer/${name}/v`, optimizer.secondMoments[i]!);
      });
    }
    for (const { name, variable } of this.emaGenerator?.parameters ?? []) add(`ema/${name}`, variable);
    return {
      config: structuredClone(this.config),
      step: this.stepCount,
      stepsPerEpoch: this.stepsPerEpoch,
      imageCount: this.imageCount,
      history: structuredClone(this.history),
      tensors: tensors.map((tensor) => ({ ...tensor, values: Float32Array.from(tensor.values) })),
    };
  }

  /** Copies a snapshot's values into this trainer's tensors after checking every name and shape. */
  restore(snapshot: GanSnapshot): void {
    const byName = new Map(snapshot.tensors.map((tensor) => [tensor.name, tensor]));
    const targets: [string, tf.Variable][] = this.allParameters().map(({ name, variable }) => [name, variable]);
    for (const [network, optimizer] of this.pairs()) {
      network.parameters.forEach(({ name }, i) => {
        targets.push([`optimizer/${name}/m`, optimizer.firstMoments[i]!]);
        targets.push([`optimizer/${name}/v`, optimizer.secondMoments[i]!]);
      });
    }
    for (const { name, variable } of this.emaGenerator?.parameters ?? []) targets.push([`ema/${name}`, variable]);
    if (byName.size !== targets.length) {
      throw new GanError(`snapshot holds ${byName.size} tensors, but this config needs ${targets.length}`, { kind: 'checkpoint' });
    }
    for (const [name, variable] of targets) {
      const stored = byName.get(name);
      if (!stored) throw new GanError(`snapshot lacks tensor '${name}' that this config needs`, { kind: 'checkpoint' });
      const expected = variable.shape.join('×');
      if (stored.shape.join('×') !== expected || stored.values.length !== variable.size) {
        throw new GanError(`tensor '${name}' has shape ${stored.shape.join('×')} (${stored.values.length} values), expected ${expected}`, {
          kind: 'checkpoint',
        });
      }
    }
    for (const [name, variable] of targets) {
      const stored = byName.get(name)!;
      tf.tidy(() => variable.assign(tf.tensor(stored.values, variable.shape, 'float32')));
    }
    if (!Number.isInteger(snapshot.step) || snapshot.step < 0)
      throw new GanError(`snapshot step must be a non-negative integer, found ${snapshot.step}`, { kind: 'checkpoint' });
    this.stepCount = snapshot.step;
    this.standingCache = undefined;
    this.generatorOptimizer.step = snapshot.step;
    this.discriminatorOptimizer.step = snapshot.step;
    this.stepsPerEpoch = snapshot.stepsPerEpoch;
    this.imageCount = snapshot.imageCount ?? null;
    this.history = structuredClone(snapshot.history);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeNetwork(this.generator);
    disposeNetwork(this.discriminator);
    if (this.emaGenerator) disposeNetwork(this.emaGenerator);
    this.generatorOptimizer.dispose();
    this.discriminatorOptimizer.dispose();
  }

  private allParameters() {
    return [...this.generator.parameters, ...this.discriminator.parameters];
  }

  private pairs(): [Network, Adam][] {
    return [
      [this.generator, this.generatorOptimizer],
      [this.discriminator, this.discriminatorOptimizer],
    ];
  }

  private checkAlive(): void {
    if (this.disposed) throw new GanError('this GanTrainer was disposed', { kind: 'input' });
  }

  private checkImages(images: tf.Tensor, where: string): void {
    if (!(images instanceof tf.Tensor) || images.rank !== 2 || images.shape[1] !== this.pixels || images.shape[0] < 1) {
      const found = images instanceof tf.Tensor ? `[${images.shape.join(', ')}]` : typeof images;
      throw new GanError(`${where}: expected a [batch, ${this.pixels}] tensor of images, found ${found}`, { kind: 'input' });
    }
  }
}

/** A tensor's shape and values, copied out. */
interface StoredValues {
  shape: number[];
  values: Float32Array;
}

/** Size of the reference noise batch for a batch-normalized generator's sampling statistics. */
const standingBatch = 1024;

/**
 * The decay of the EMA's update after step `n` (1, 2, …) that keeps it the bias-corrected average
 * m_n / (1 − β^n) of Adam, where m_n = β·m_(n−1) + (1 − β)·w_n and m_0 = 0: β·(1 − β^(n−1)) / (1 − β^n).
 * 0 at step 1 (the average is then the weights), tending to β; the initial weights never count.
 */
export function emaStepDecay(beta: number, n: number): number {
  return (beta * (1 - beta ** (n - 1))) / (1 - beta ** n);
}

/** average ← decay·average + (1 − decay)·current, parameter by parameter (float32, in place). */
export function updateAverage(average: Network, current: Network, decay: number): void {
  tf.tidy(() => {
    average.parameters.forEach(({ variable }, i) => {
      variable.assign(movingAverage(variable, current.parameters[i]!.variable, decay));
    });
  });
}

function variablesOf(network: Network): tf.Variable[] {
  return network.parameters.map(({ variable }) => variable);
}

function gradientsInOrder(grads: tf.NamedTensorMap, network: Network): tf.Tensor[] {
  return network.parameters.map(({ variable }) => {
    const gradient = grads[variable.name];
    if (!gradient) throw new Error(`no gradient for ${variable.name}`);
    return gradient;
  });
}
