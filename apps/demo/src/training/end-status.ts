/** What a training run was asked for, to describe how it ended. */
export interface RunEnd {
  epochs: number;
  stepsPerEpoch: number;
  /** 'Ctrl-C' or the signal's name. */
  stoppedBy: string;
  /** The command that continues the run up to `epochs`. */
  resume: (epochs: number) => string;
}

/** The run summary's status when training ends: completed, or where it was stopped and how to continue. */
export function endStatus(end: { reason: string; step: number }, run: RunEnd): string {
  if (end.reason !== 'aborted') return `completed ${run.epochs} epochs`;
  const done = Math.floor(end.step / run.stepsPerEpoch);
  return `stopped by ${run.stoppedBy} at step ${end.step} (${done} of ${run.epochs} epochs done); continue with: ${run.resume(run.epochs)}`;
}
