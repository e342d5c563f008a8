/** The handle {@link stopOnInterrupt} returns. */
export interface InterruptHandle {
  /** Aborted on the first Ctrl-C (SIGINT) or SIGTERM. */
  signal: AbortSignal;
  /** Removes the handlers (call when the work is done). */
  dispose(): void;
}

/**
 * First Ctrl-C: ask the trainer to stop after the current step, so the files it leaves are whole and
 * resumable. Second Ctrl-C: the user means it, leave now (exit 130, the shell's code for SIGINT).
 */
export function stopOnInterrupt(onFirst: (signal: NodeJS.Signals) => void): InterruptHandle {
  const controller = new AbortController();
  const handler = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.stderr.write('\nstopped immediately; files from the last finished epoch are intact\n');
      process.exit(130);
    }
    controller.abort(new Error(`interrupted by ${signal}`));
    onFirst(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
