import { dense, denseByColumns } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';
import { bernoulliLogLikelihood, bernoulliLogLikelihoodPerSample } from './bernoulli-log-likelihood';
import { checkBatch } from './_check-batch';
import { normalQuantile } from './_normal-quantile';
import { deriveSeed, seededRandom } from '@dlkit/random';
import { randomStream } from './_random-stream';
import { gaussianKl, gaussianKlPerSample } from './gaussian-kl';
import type { VaeConfig } from './vae-config';
import { VaeError } from './vae-error';

interface Layer {
  weights: tf.Variable<tf.Rank.R2>;
  bias: tf.Variable<tf.Rank.R1>;
}

/** The per-batch means of the two ELBO terms, what a training step differentiates. */
export interface LossTerms {
  reconstruction: tf.Scalar;
  kl: tf.Scalar;
}

const halfLog2Pi = 0.5 * Math.log(2 * Math.PI);
// Keeps one importance-sampling chunk's decoder output near 4M floats.
const iwaeChunkFloats = 1 << 22;

/** The VAE's parameters and every computation on them; createVae and createVaeTrainer wrap it. */
export class VaeModel {
  readonly encoderLayers: Layer[] = [];
  readonly encoderHead: Layer;
  readonly decoderLayers: Layer[] = [];
  readonly decoderOut: Layer;
  private sampleCalls = 0;
  private disposed = false;

  constructor(
    readonly config: VaeConfig,
    initial?: ReadonlyMap<string, Float32Array>,
  ) {
    const { inputSize, hiddenSizes, latentSize } = config;
    const encoderSizes = [inputSize, ...hiddenSizes];
    const decoderSizes = [latentSize, ...[...hiddenSizes].reverse()];
    let index = 0;
    const layer = (name: string, fanIn: number, fanOut: number): Layer => this.makeLayer(name, fanIn, fanOut, index++, initial);
    for (let i = 0; i + 1 < encoderSizes.length; i++)
      this.encoderLayers.push(layer(`encoder.${i}`, encoderSizes[i]!, encoderSizes[i + 1]!));
    this.encoderHead = layer('encoder.head', encoderSizes.at(-1)!, 2 * latentSize);
    for (let i = 0; i + 1 < decoderSizes.length; i++)
      this.decoderLayers.push(layer(`decoder.${i}`, decoderSizes[i]!, decoderSizes[i + 1]!));
    this.decoderOut = layer('decoder.out', decoderSizes.at(-1)!, inputSize);
  }

  /** Layers in a fixed order: encoder, head, decoder, output. */
  get layers(): Layer[] {
    return [...this.encoderLayers, this.encoderHead, ...this.decoderLayers, this.decoderOut];
  }

  get variableNames(): string[] {
    const names = [
      ...this.encoderLayers.map((_, i) => `encoder.${i}`),
      'encoder.head',
      ...this.decoderLayers.map((_, i) => `decoder.${i}`),
      'decoder.out',
    ];
    return names.flatMap((name) => [`${name}.weights`, `${name}.bias`]);
  }

  get variables(): tf.Variable[] {
    return this.layers.flatMap((l) => [l.weights, l.bias]);
  }

  encode(x: tf.Tensor2D): { mean: tf.Tensor2D; logVariance: tf.Tensor2D } {
    this.checkAlive('encode');
    checkBatch(x, this.config.inputSize, 'x', 'encode');
    const stats = this.encodeStats(x);
    const latent = this.config.latentSize;
    const [mean, logVariance] = tf.split(stats, [latent, latent], 1) as [tf.Tensor2D, tf.Tensor2D];
    stats.dispose();
    return { mean, logVariance };
  }

  decode(z: tf.Tensor2D): tf.Tensor2D {
    this.checkAlive('decode');
    checkBatch(z, this.config.latentSize, 'z', 'decode');
    return this.decodeLogits(z);
  }

  /**
   * Mean over the batch of −log p(x|z) (one reparameterized sample) and of the analytic KL: what a
   * training step differentiates. Computed with samples in columns (denseByColumns), WASM's fastest
   * layout for training; the noise is drawn per row as everywhere else, so each sample gets the same ε.
   */
  lossTerms(x: tf.Tensor2D, seed: number): LossTerms {
    return tf.tidy(() => {
      const latent = this.config.latentSize;
      const xColumns = tf.transpose(x) as tf.Tensor2D;
      const stats = applyLayers(xColumns, this.encoderLayers, this.encoderHead, 'columns');
      const mean = tf.slice(stats, [0, 0], [latent, -1]);
      const logVariance = tf.slice(stats, [latent, 0], [latent, -1]);
      const noise = tf.transpose(tf.randomNormal([x.shape[0], latent], 0, 1, 'float32', seed));
      const z = tf.add(mean, tf.mul(tf.exp(tf.mul(logVariance, 0.5)), noise)) as tf.Tensor2D;
      const logits = applyLayers(z, this.decoderLayers, this.decoderOut, 'columns');
      const reconstruction = tf.neg(tf.mean(bernoulliLogLikelihoodPerSample(logits, xColumns, 0))) as tf.Scalar;
      const kl = tf.mean(gaussianKlPerSample(mean, logVariance, 0)) as tf.Scalar;
      return { reconstruction, kl };
    });
  }

  elbo(x: tf.Tensor2D, options: { seed?: number; samples?: number } = {}): tf.Tensor1D {
    const { logLikelihood, kl } = this.elboTerms(x, options, 'elbo');
    const elbo = tf.sub(logLikelihood, kl) as tf.Tensor1D;
    tf.dispose([logLikelihood, kl]);
    return elbo;
  }

  /** The ELBO's two terms per row: E_q[log p(x|z)] estimated with `samples` draws, and the analytic KL. */
  elboTerms(x: tf.Tensor2D, options: { seed?: number; samples?: number }, caller: string): { logLikelihood: tf.Tensor1D; kl: tf.Tensor1D } {
    this.checkAlive(caller);
    checkBatch(x, this.config.inputSize, 'x', caller);
    const samples = checkCount(options.samples ?? 1, caller, 'samples');
    const seed = this.seedFor(options.seed, caller);
    return tf.tidy(() => {
      const rows = x.shape[0];
      const { mean, logVariance } = this.encodeSplit(x);
      const kl = gaussianKl(mean, logVariance);
      const noise = tf.randomNormal([samples * rows, this.config.latentSize], 0, 1, 'float32', seed);
      const z = tf.add(tf.tile(mean, [samples, 1]), tf.mul(tf.tile(tf.exp(tf.mul(logVariance, 0.5)), [samples, 1]), noise)) as tf.Tensor2D;
      const logLikelihood = bernoulliLogLikelihood(this.decodeLogits(z), tf.tile(x, [samples, 1]) as tf.Tensor2D);
      return { logLikelihood: tf.mean(tf.reshape(logLikelihood, [samples, rows]), 0) as tf.Tensor1D, kl };
    });
  }

  iwae(x: tf.Tensor2D, options: { samples: number; seed?: number }): tf.Tensor1D {
    this.checkAlive('iwae');
    checkBatch(x, this.config.inputSize, 'x', 'iwae');
    const samples = checkCount(options?.samples, 'iwae', 'samples');
    const seed = this.seedFor(options.seed, 'iwae');
    const rows = x.shape[0];
    const chunk = Math.max(1, Math.min(samples, Math.floor(iwaeChunkFloats / (rows * this.config.inputSize))));
    return tf.tidy(() => {
      const { mean, logVariance } = this.encodeSplit(x);
      const logWeights: tf.Tensor2D[] = [];
      for (let start = 0, part = 0; start < samples; start += chunk, part++) {
        const count = Math.min(chunk, samples - start);
        logWeights.push(
          tf.tidy(() => {
            const noise = tf.randomNormal(
              [count * rows, this.config.latentSize],
              0,
              1,
              'float32',
              deriveSeed(seed, randomStream.iwaeChunk, part),
            );
            const tiledLogVariance = tf.tile(logVariance, [count, 1]);
            const z = tf.add(tf.tile(mean, [count, 1]), tf.mul(tf.exp(tf.mul(tiledLogVariance, 0.5)), noise)) as tf.Tensor2D;
            const logLikelihood = bernoulliLogLikelihood(this.decodeLogits(z), tf.tile(x, [count, 1]) as tf.Tensor2D);
            const logPrior = tf.neg(tf.sum(tf.add(tf.mul(tf.square(z), 0.5), halfLog2Pi), 1));
            const logPosterior = tf.neg(tf.sum(tf.add(tf.mul(tf.add(tf.square(noise), tiledLogVariance), 0.5), halfLog2Pi), 1));
            return tf.reshape(tf.sub(tf.add(logLikelihood, logPrior), logPosterior), [count, rows]) as tf.Tensor2D;
          }),
        );
      }
      const all = logWeights.length === 1 ? logWeights[0]! : tf.concat(logWeights, 0);
      return tf.sub(tf.logSumExp(all, 0), Math.log(samples)) as tf.Tensor1D;
    });
  }

  reconstruct(x: tf.Tensor2D): tf.Tensor2D {
    this.checkAlive('reconstruct');
    checkBatch(x, this.config.inputSize, 'x', 'reconstruct');
    return tf.tidy(() => tf.sigmoid(this.decodeLogits(this.encodeSplit(x).mean)));
  }

  sample(count: number, options: { seed?: number } = {}): tf.Tensor2D {
    this.checkAlive('sample');
    checkCount(count, 'sample', 'count');
    const seed = this.seedFor(options.seed, 'sample');
    return tf.tidy(() => tf.sigmoid(this.decodeLogits(tf.randomNormal([count, this.config.latentSize], 0, 1, 'float32', seed))));
  }

  latentGrid(size: number, options: { quantileRange?: [number, number] } = {}): tf.Tensor2D {
    this.checkAlive('latentGrid');
    if (this.config.latentSize !== 2) {
      throw new VaeError(`latentGrid: the manifold grid needs latentSize 2, found latentSize ${this.config.latentSize}`);
    }
    checkCount(size, 'latentGrid', 'size');
    const [low, high] = options.quantileRange ?? [0.05, 0.95];
    if (!(low > 0 && high < 1 && low < high)) {
      throw new VaeError(`latentGrid: quantileRange must satisfy 0 < low < high < 1, found [${low}, ${high}]`);
    }
    const values = Array.from({ length: size }, (_, i) => normalQuantile(size === 1 ? 0.5 : low + ((high - low) * i) / (size - 1)));
    const z = new Float32Array(size * size * 2);
    for (let row = 0; row < size; row++) {
      for (let column = 0; column < size; column++) {
        z[(row * size + column) * 2] = values[column]!;
        z[(row * size + column) * 2 + 1] = values[size - 1 - row]!;
      }
    }
    return tf.tidy(() => tf.sigmoid(this.decodeLogits(tf.tensor2d(z, [size * size, 2]))));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose(this.variables);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  private encodeStats(x: tf.Tensor2D): tf.Tensor2D {
    return applyLayers(x, this.encoderLayers, this.encoderHead, 'rows');
  }

  private encodeSplit(x: tf.Tensor2D): { mean: tf.Tensor2D; logVariance: tf.Tensor2D } {
    const latent = this.config.latentSize;
    const [mean, logVariance] = tf.split(this.encodeStats(x), [latent, latent], 1) as [tf.Tensor2D, tf.Tensor2D];
    return { mean, logVariance };
  }

  private decodeLogits(z: tf.Tensor2D): tf.Tensor2D {
    return applyLayers(z, this.decoderLayers, this.decoderOut, 'rows');
  }

  private seedFor(seed: number | undefined, caller: string): number {
    if (seed === undefined) return deriveSeed(this.config.seed, randomStream.defaultNoise, this.sampleCalls++);
    if (!Number.isSafeInteger(seed)) throw new VaeError(`${caller}: seed must be an integer, found ${seed}`);
    return seed;
  }

  private checkAlive(caller: string): void {
    if (this.disposed) throw new VaeError(`${caller}: this VAE has been disposed`);
  }

  // PyTorch's nn.Linear initialization, U(−1/√fanIn, 1/√fanIn) for weights and bias, from a seeded stream.
  private makeLayer(name: string, fanIn: number, fanOut: number, index: number, initial?: ReadonlyMap<string, Float32Array>): Layer {
    const make = (suffix: 'weights' | 'bias', length: number): Float32Array => {
      const given = initial?.get(`${name}.${suffix}`);
      if (given) {
        if (given.length !== length) {
          throw new VaeError(`VAE weights: ${name}.${suffix} must hold ${length} values for this config, found ${given.length}`);
        }
        return given;
      }
      const random = seededRandom(deriveSeed(this.config.seed, suffix === 'weights' ? randomStream.weights : randomStream.biases, index));
      const bound = 1 / Math.sqrt(fanIn);
      const values = new Float32Array(length);
      for (let i = 0; i < length; i++) values[i] = (2 * random() - 1) * bound;
      return values;
    };
    // tf.tidy disposes the initial tensors and keeps the variables, which share their data.
    return tf.tidy(() => ({
      weights: tf.variable(tf.tensor2d(make('weights', fanIn * fanOut), [fanIn, fanOut]), true),
      bias: tf.variable(tf.tensor1d(make('bias', fanOut)), true),
    }));
  }
}

function checkCount(value: unknown, caller: string, name: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    throw new VaeError(`${caller}: ${name} must be a positive integer, found ${String(value)}`);
  }
  return value as number;
}

/**
 * ReLU layers then a linear one, on samples in rows ([batch, features]: evaluation and the public
 * methods) or in columns ([features, batch]: training, WASM's fastest layout; see denseByColumns).
 */
function applyLayers(x: tf.Tensor2D, hidden: readonly Layer[], last: Layer, samplesIn: 'rows' | 'columns'): tf.Tensor2D {
  const layer = samplesIn === 'rows' ? dense : denseByColumns;
  return tf.tidy(() => {
    let h = x;
    for (const l of hidden) h = layer(h, l.weights, l.bias, { activation: 'relu' });
    return layer(h, last.weights, last.bias);
  });
}
