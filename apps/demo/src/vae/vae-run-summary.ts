import type { VaeConfig, VaeEpochRecord } from '@dlkit/vae';

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
  seconds: number;
  /** One record per finished epoch: train and test −ELBO and their terms, in nats per digit. */
  epochs: VaeEpochRecord[];
}
