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

  private pauseSeconds = 0;
  private pauses = 0;

  /**
   * Marks the end of a pause that is not training (an epoch's metrics and files): the next step is not
   * charged for it, and its length counts towards `meanPause`.
   */
  resume(): void {
    const now = performance.now();
    this.pauseSeconds += (now - this.last) / 1000;
    this.pauses++;
    this.last = now;
  }

  /** Mean seconds of the pauses so far (0 before the first). */
  get meanPause(): number {
    return this.pauses > 0 ? this.pauseSeconds / this.pauses : 0;
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
