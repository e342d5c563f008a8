/**
 * Measures samples/s and the time left. Rates come from an exponential moving average of recent steps
 * so a pause (metrics at the end of an epoch, a busy machine) does not swing the ETA for long.
 */
export class RunClock {
  private last = performance.now();
  private stepsPerSecond = Number.NaN;
  readonly startedAt = performance.now();

  /** Records one step; call right after it ends. */
  tick(): void {
    const now = performance.now();
    const seconds = Math.max((now - this.last) / 1000, 1e-6);
    this.last = now;
    const rate = 1 / seconds;
    this.stepsPerSecond = Number.isNaN(this.stepsPerSecond) ? rate : 0.9 * this.stepsPerSecond + 0.1 * rate;
  }

  /** Marks a pause that is not training (metrics, writing files) so the next step is not charged for it. */
  resume(): void {
    this.last = performance.now();
  }

  /** Training steps per second. */
  get rate(): number {
    return this.stepsPerSecond;
  }

  /** Seconds since the clock started. */
  get elapsed(): number {
    return (performance.now() - this.startedAt) / 1000;
  }
}
