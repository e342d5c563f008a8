/** What went wrong, in one of four kinds a caller can branch on. */
export type GanErrorKind = 'config' | 'input' | 'checkpoint' | 'diverged';

/**
 * The one error type @dlkit/gan throws on bad input, bad files or a diverged run; `message` names the
 * problem with the expected and found values, `kind` says which of the four it is (default 'input'), and
 * `cause` (as on any Error) holds the error it wraps, if any.
 *
 * @example
 * throw new GanError('could not write checkpoint out/gan.bin: ENOSPC', { kind: 'checkpoint', cause: error });
 */
export class GanError extends Error {
  override readonly name = 'GanError';
  readonly kind: GanErrorKind;

  constructor(message: string, options?: { kind: GanErrorKind } & ErrorOptions) {
    super(message, options);
    this.kind = options?.kind ?? 'input';
  }
}
