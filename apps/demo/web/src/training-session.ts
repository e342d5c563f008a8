import type { io } from '@tensorflow/tfjs-core';

/** A model's run in the worker: train it, and at any pause or after the end save or export it. */
export interface TrainingSession {
  run(): Promise<void>;
  /** The checkpoint's bytes as the CLI writes them, and the CLI's file name for it. */
  checkpoint(): Promise<{ bytes: Uint8Array; name: string }>;
  /** The generator (GAN) or the decoder (VAE) as a tfjs layers model. */
  exportModel(): Promise<io.ModelArtifacts>;
  dispose(): void;
}
