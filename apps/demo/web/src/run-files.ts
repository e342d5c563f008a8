import type { GanConfig, GanEpochRecord, GanStepRecord } from '@dlkit/gan';
import type { VaeConfig, VaeEpochRecord, VaeStepRecord } from '@dlkit/vae';
import { epochRows } from '../../src/gan/epoch-rows';
import type { GanRunSummary } from '../../src/gan/gan-run-summary';
import { stepsToCsv } from '../../src/gan/losses-csv';
import { elboToCsv } from '../../src/vae/elbo-csv';
import type { VaeRunSummary } from '../../src/vae/vae-run-summary';

/** What the page knows of a run, to write the CLI's files from. */
export interface RunRecord {
  config: GanConfig | VaeConfig;
  stepsPerEpoch: number;
  backend: string;
  digits: number;
  status: string;
  seconds: number;
  steps: (GanStepRecord | VaeStepRecord)[];
  epochs: (GanEpochRecord | VaeEpochRecord)[];
  realDigits?: GanRunSummary['realDigits'];
}

/** losses.csv as the CLI writes it: GAN one row per step (epoch,step,d_loss,g_loss,d_real,d_fake); VAE one row per epoch (elbo.csv). */
export function lossesCsv(kind: 'gan' | 'vae', run: RunRecord): { name: string; text: string } {
  if (kind === 'gan') return { name: 'losses.csv', text: stepsToCsv(run.steps as GanStepRecord[]) };
  return { name: 'elbo.csv', text: elboToCsv(run.epochs as VaeEpochRecord[]) };
}

/** losses.json (GAN) or elbo.json (VAE) in the CLI's formats, so `pnpm demo --resume` reads the run's epochs and seconds from them. */
export function lossesJson(kind: 'gan' | 'vae', run: RunRecord): { name: string; text: string } {
  const data = `${run.digits.toLocaleString('en-US')} training digits of the embedded MNIST (in a browser)`;
  if (kind === 'gan') {
    const summary: GanRunSummary = {
      format: 'dlkit-demo-gan-run@1',
      config: run.config as GanConfig,
      stepsPerEpoch: run.stepsPerEpoch,
      backend: run.backend,
      data,
      status: run.status,
      ...(run.realDigits ? { realDigits: run.realDigits } : {}),
      seconds: run.seconds,
      steps: run.steps as GanStepRecord[],
      epochs: epochRows({ steps: run.steps as GanStepRecord[], epochs: run.epochs as GanEpochRecord[] }),
    };
    return { name: 'losses.json', text: `${JSON.stringify(summary)}\n` };
  }
  const summary: VaeRunSummary = {
    format: 'dlkit-demo-vae-run@1',
    config: run.config as VaeConfig,
    stepsPerEpoch: run.stepsPerEpoch,
    steps: run.steps.at(-1)?.step ?? 0,
    backend: run.backend,
    data,
    testDigits: 2000,
    status: run.status,
    seconds: run.seconds,
    epochs: run.epochs as VaeEpochRecord[],
  };
  return { name: 'elbo.json', text: `${JSON.stringify(summary)}\n` };
}
