import type { VaeConfig, VaeEpochRecord } from '@dlkit/vae';
import { parseJson } from '../output/parse-json';

/** What `demo vae train` writes to elbo.json, and what its report and CSV are made from. */
export interface VaeRunSummary {
  format: 'dlkit-demo-vae-run@1';
  config: VaeConfig;
  stepsPerEpoch: number;
  /** Steps done in all (a stopped run may end mid-epoch). */
  steps: number;
  backend: string;
  data: string;
  testDigits: number;
  status: string;
  /** Seconds of training over every session of the run (a resumed session adds its own). */
  seconds: number;
  /** One record per finished epoch: train and test −ELBO and their terms, in nats per digit. */
  epochs: VaeEpochRecord[];
}

/** Reads elbo.json back; throws a one-line Error when it is not a demo VAE run's summary. */
export function parseVaeRunSummary(text: string, where: string): VaeRunSummary {
  const summary = parseJson(text, where) as Partial<VaeRunSummary> | null;
  if (summary?.format !== 'dlkit-demo-vae-run@1' || typeof summary.steps !== 'number' || !Array.isArray(summary.epochs)) {
    throw new Error(`${where} is not a dlkit-demo VAE run (expected format 'dlkit-demo-vae-run@1' with steps and epochs)`);
  }
  return summary as VaeRunSummary;
}
