import type { VaeEpochRecord, VaeStepRecord } from '@dlkit/vae';

/** What the progress view shows of a VAE step: the step's −ELBO and KL, each with its sparkline. */
export function vaeStepLosses(r: VaeStepRecord): readonly (readonly [string, number])[] {
  return [
    ['−ELBO', r.loss],
    ['KL', r.kl],
  ];
}

/** One finished VAE epoch in one line: train −ELBO and test −ELBO with its two terms (nats per digit). */
export function describeVaeEpoch(e: VaeEpochRecord, epochs: number): string {
  const test =
    e.testLoss === undefined
      ? ''
      : `  test −ELBO ${e.testLoss.toFixed(2)} (reconstruction ${e.testReconstruction!.toFixed(2)} + KL ${e.testKl!.toFixed(2)})`;
  return `epoch ${e.epoch}/${epochs}  train −ELBO ${e.trainLoss.toFixed(2)}${test}`;
}
