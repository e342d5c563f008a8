/** What the time left of a training run is made of. */
export interface TimeLeftInputs {
  /** Steps done so far (of the whole run, earlier sessions included). */
  doneSteps: number;
  epochs: number;
  stepsPerEpoch: number;
  /** Training steps per second, the work at each epoch's end excluded. */
  stepsPerSecond: number;
  /** Mean seconds of an epoch's end (metrics, sample grid, files) so far; 0 before the first. */
  epochEndSeconds: number;
}

/**
 * Seconds until the run ends: the steps left at the measured rate plus each epoch end still to come at
 * its measured length. Without the latter the ETA ran short by the whole metrics time (about 10 % of
 * `pnpm demo`'s run) and then jumped at every epoch.
 */
export function secondsLeft({ doneSteps, epochs, stepsPerEpoch, stepsPerSecond, epochEndSeconds }: TimeLeftInputs): number {
  const totalSteps = epochs * stepsPerEpoch;
  const stepsLeft = Math.max(0, totalSteps - doneSteps);
  // The end of the epoch whose last step is done still lies ahead (after the run's last step: one).
  const epochEndsLeft = epochs - Math.floor(Math.max(0, doneSteps - 1) / stepsPerEpoch);
  return stepsLeft / stepsPerSecond + Math.max(0, Math.min(epochs, epochEndsLeft)) * epochEndSeconds;
}
