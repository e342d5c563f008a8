/**
 * A checkpoint continues only on the digits its run trained on: the same count (kept in checkpoints
 * since the GAN's format 4 and the VAE's image count; older ones know only their steps per epoch), so
 * the epochs shuffle as they did. Throws the message the page shows.
 */
export function checkResumedData(
  run: { imageCount: number | null; stepsPerEpoch: number | null },
  digits: number,
  batchSize: number,
  stepsPerEpoch: number,
): void {
  if (run.imageCount !== null && run.imageCount !== digits) {
    throw new Error(`this checkpoint's run trained on ${run.imageCount} digits, not ${digits}: set Digits to ${run.imageCount}`);
  }
  if (run.stepsPerEpoch !== null && run.stepsPerEpoch !== stepsPerEpoch) {
    throw new Error(
      `this checkpoint's run has ${run.stepsPerEpoch} steps per epoch; ${digits} digits at batch ${batchSize} give ${stepsPerEpoch}: set Digits to the number the run started with (its losses.json says; the CLI's --limit)`,
    );
  }
}
