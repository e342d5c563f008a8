import { VaeError } from './vae-error';

/** Architecture and training settings of a VAE; every field has a default (784-400-20, Adam 1e-3, batch 128). */
export interface VaeConfig {
  /** Pixels per image (784 for MNIST); pixel values are Bernoulli means in [0, 1]. */
  inputSize: number;
  /** Hidden ReLU layer widths of the encoder; the decoder mirrors them. */
  hiddenSizes: number[];
  /** Dimension of z. A latent size of 2 enables the manifold grid. */
  latentSize: number;
  /** Adam learning rate (β1 0.9, β2 0.999, ε 1e-8, as PyTorch's defaults). */
  learningRate: number;
  /** Mini-batch size used by trainVae. */
  batchSize: number;
  /** Seeds weight initialization, the reparameterization noise of every step, and the shuffling. */
  seed: number;
}

/** The settings of the well-known PyTorch VAE example. */
export const defaultVaeConfig: Readonly<VaeConfig> = Object.freeze({
  inputSize: 784,
  hiddenSizes: [400],
  latentSize: 20,
  learningRate: 1e-3,
  batchSize: 128,
  seed: 0,
});

/** Fills in defaults and checks every field; throws a VaeError naming the bad field and value. */
export function resolveVaeConfig(options: Partial<VaeConfig> = {}): VaeConfig {
  if (options === null || typeof options !== 'object') {
    throw new VaeError(`VAE config must be an object, found ${describe(options)}`);
  }
  const config: VaeConfig = {
    ...defaultVaeConfig,
    ...options,
    hiddenSizes: [...(options.hiddenSizes ?? defaultVaeConfig.hiddenSizes)],
  };
  positiveInteger('inputSize', config.inputSize);
  positiveInteger('latentSize', config.latentSize);
  positiveInteger('batchSize', config.batchSize);
  if (!Array.isArray(config.hiddenSizes)) {
    throw new VaeError(`VAE config hiddenSizes must be an array of positive integers, found ${describe(config.hiddenSizes)}`);
  }
  config.hiddenSizes.forEach((size, i) => {
    positiveInteger(`hiddenSizes[${i}]`, size);
  });
  if (typeof config.learningRate !== 'number' || !Number.isFinite(config.learningRate) || config.learningRate <= 0) {
    throw new VaeError(`VAE config learningRate must be a positive finite number, found ${describe(config.learningRate)}`);
  }
  if (!Number.isSafeInteger(config.seed)) {
    throw new VaeError(`VAE config seed must be an integer, found ${describe(config.seed)}`);
  }
  return config;
}

function positiveInteger(name: string, value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    throw new VaeError(`VAE config ${name} must be a positive integer, found ${describe(value)}`);
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}
