// A tiny VAE problem the training, checkpoint and evaluation tests share: 16-pixel images of 3 binary
// prototypes, 40 to train on (5 steps per epoch at batch 8) and 16 to test.
import { createVaeTrainer, type TrainVaeOptions, trainVae, type VaeDataset, type VaeTrainer, type VaeTrainEvent } from '../src/node';

export const config = { inputSize: 16, hiddenSizes: [12], latentSize: 2, batchSize: 8, learningRate: 5e-3, seed: 21 };

/** count images made of 3 binary prototypes with a little grey noise: structure to learn, pixels in [0, 1]. */
export function dataset(count: number, seed: number): VaeDataset {
  let state = seed;
  const random = () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
  const prototypes = [0, 1, 2].map(() => Array.from({ length: 16 }, () => (random() < 0.5 ? 0.95 : 0.05)));
  const images = new Float32Array(count * 16);
  for (let i = 0; i < count; i++) {
    const p = prototypes[Math.floor(random() * 3)]!;
    for (let j = 0; j < 16; j++) images[i * 16 + j] = Math.min(1, Math.max(0, p[j]! + (random() - 0.5) * 0.1));
  }
  return { count, images };
}

export const all = dataset(56, 1);
export const train = { count: 40, images: all.images.slice(0, 40 * 16) }; // 5 steps per epoch at batch 8
export const test_ = { count: 16, images: all.images.slice(40 * 16) };

export async function weightsOf(trainer: VaeTrainer): Promise<number[][]> {
  return Promise.all(trainer.vae.variables.map(async (v) => Array.from(await v.data())));
}

export const losses = (trainer: VaeTrainer) => trainer.history.steps.map((s) => [s.epoch, s.step, s.loss, s.reconstruction, s.kl]);

export async function collect(events: AsyncIterable<VaeTrainEvent>): Promise<VaeTrainEvent[]> {
  const all: VaeTrainEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

/** A trainer trained for `epochs` on the training set. */
export async function trained(epochs: number, options: TrainVaeOptions = {}): Promise<VaeTrainer> {
  const trainer = createVaeTrainer(config);
  await collect(trainVae(trainer, train, { epochs, ...options }));
  return trainer;
}
