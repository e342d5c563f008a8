/**
 * Pause, resume and stop for a training loop that runs in a worker. The loop calls `between()` after each
 * step: it lets the worker's queued messages (pause, stop, save) run — a loop of synchronous steps would
 * otherwise never hand them a turn — and waits while paused. Stop aborts `signal`, which the library's
 * loop honours after the current step (checkpointing first).
 */
export interface RunControl {
  readonly signal: AbortSignal;
  readonly paused: boolean;
  pause(): void;
  resume(): void;
  stop(): void;
  between(): Promise<void>;
}

export function createRunControl(): RunControl {
  const controller = new AbortController();
  let paused = false;
  let release: (() => void) | undefined;
  // A macrotask turn without setTimeout's 4 ms clamp.
  const channel = new MessageChannel();
  const turns: (() => void)[] = [];
  channel.port1.onmessage = () => turns.shift()?.();
  const nextTurn = () =>
    new Promise<void>((resolve) => {
      turns.push(resolve);
      channel.port2.postMessage(null);
    });
  return {
    signal: controller.signal,
    get paused() {
      return paused;
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      release?.();
      release = undefined;
    },
    stop() {
      controller.abort(new Error('stopped from the page'));
      this.resume();
    },
    async between() {
      await nextTurn();
      while (paused && !controller.signal.aborted) await new Promise<void>((resolve) => (release = resolve));
    },
  };
}
