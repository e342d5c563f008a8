/**
 * Thrown for LSTM inputs of the wrong shape; the message names the expected and the found shape, and the
 * fields say the same for code. (The functions of this package throw it with the message
 * `lstm: <argument> must have shape <expected>; found [<found>] (<why>)`.)
 *
 * @example
 * throw new LstmShapeError('lstm: b must have shape [8]; found [4]', { argument: 'b', expected: '[8]', found: [4] });
 */
export class LstmShapeError extends Error {
  override readonly name = 'LstmShapeError';
  /** The argument at fault: 'x', 'W', 'b', 'h0', 'c0', 'dh' or 'dc'. */
  readonly argument: string;
  /** The shape that was expected, with symbolic sizes (T, batch, H, X) resolved where known. */
  readonly expected: string;
  readonly found: readonly number[];

  constructor(message: string, options: { argument: string; expected: string; found: readonly number[] } & ErrorOptions) {
    super(message, options);
    this.argument = options.argument;
    this.expected = options.expected;
    this.found = [...options.found];
  }
}
