/** Thrown for LSTM inputs of the wrong shape; the message names the expected and the found shape. */
export class LstmShapeError extends Error {
  /** The argument at fault: 'x', 'W', 'b', 'h0', 'c0', 'dh' or 'dc'. */
  readonly argument: string;
  /** The shape that was expected, with symbolic sizes (T, batch, H, X) resolved where known. */
  readonly expected: string;
  readonly found: readonly number[];

  constructor(argument: string, expected: string, found: readonly number[], why?: string) {
    super(`lstm: ${argument} must have shape ${expected}; found [${found.join(', ')}]${why ? ` (${why})` : ''}`);
    this.name = 'LstmShapeError';
    this.argument = argument;
    this.expected = expected;
    this.found = [...found];
  }
}
