/** Options of {@link CliError}: the exit status, and (as on any Error) the error it wraps. */
export interface CliErrorOptions extends ErrorOptions {
  /** Process exit status for this error (default 1). */
  exitCode?: number;
}

/**
 * An error the user can act on: its message is the one line the CLI prints, so it names the problem
 * and the expected/found values. Anything else that escapes is a bug and is printed the same way,
 * with the stack only under DEBUG=1. The shape of the packages' errors: `new CliError(message, { exitCode })`.
 *
 * @example
 * throw new CliError('nothing to resume in out: no gan-checkpoint.bin there', { exitCode: 1 });
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  /** Process exit status for this error. */
  readonly exitCode: number;

  constructor(message: string, options: CliErrorOptions = {}) {
    super(message, options);
    this.exitCode = options.exitCode ?? 1;
  }
}
