/**
 * An error the user can act on: its message is the one line the CLI prints, so it names the problem
 * and the expected/found values. Anything else that escapes is a bug and is printed the same way,
 * with the stack only under DEBUG=1.
 */
export class CliError extends Error {
  /** Process exit status for this error. */
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
