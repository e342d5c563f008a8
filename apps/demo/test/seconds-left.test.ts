import { afterEach, describe, expect, test, vi } from 'vitest';
import { RunClock } from '../src/progress/run-clock';
import { secondsLeft } from '../src/progress/seconds-left';

describe('time left of a run (the CLI’s ETA and the page’s “left”)', () => {
  const run = { epochs: 3, stepsPerEpoch: 10, stepsPerSecond: 5, epochEndSeconds: 2 };

  test('counts the steps left at the rate and every epoch end still to come', () => {
    expect(secondsLeft({ ...run, doneSteps: 0 })).toBe(30 / 5 + 3 * 2);
    expect(secondsLeft({ ...run, doneSteps: 9 })).toBe(21 / 5 + 3 * 2);
    // After an epoch's last step its end is still ahead; one step later it is behind.
    expect(secondsLeft({ ...run, doneSteps: 10 })).toBe(20 / 5 + 3 * 2);
    expect(secondsLeft({ ...run, doneSteps: 11 })).toBe(19 / 5 + 2 * 2);
    expect(secondsLeft({ ...run, doneSteps: 30 })).toBe(0 + 1 * 2);
  });

  test('without a measured epoch end yet it is the steps alone', () => {
    expect(secondsLeft({ ...run, epochEndSeconds: 0, doneSteps: 15 })).toBe(3);
  });
});

describe('RunClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('a pause is not charged to the next step, and meanPause averages the pauses', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const clock = new RunClock();
    expect(clock.meanPause).toBe(0);
    vi.advanceTimersByTime(100);
    clock.tick(); // 10 steps/s
    vi.advanceTimersByTime(3000);
    clock.resume(); // an epoch end of 3 s
    vi.advanceTimersByTime(100);
    clock.tick();
    expect(clock.rate).toBeCloseTo(10, 6);
    vi.advanceTimersByTime(1000);
    clock.resume();
    expect(clock.meanPause).toBeCloseTo(2, 6);
  });
});
