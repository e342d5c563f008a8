/**
 * The steps per epoch a run's digits and batch size give, checked against a checkpoint's: continuing
 * with other Digits would shuffle other batches, so the page refuses with what to set.
 */
export function checkStepsPerEpoch(checkpointSteps: number | null, digits: number, batchSize: number, stepsPerEpoch: number): void {
  if (checkpointSteps !== null && checkpointSteps !== stepsPerEpoch) {
    throw new Error(
      `this checkpoint's run has ${checkpointSteps} steps per epoch; ${digits} digits at batch ${batchSize} give ${stepsPerEpoch}: set Digits to the number the run started with (its losses.json says; the CLI's --limit)`,
    );
  }
}
