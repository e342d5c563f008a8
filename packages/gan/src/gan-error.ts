/** What went wrong, in one of four kinds a caller can branch on. */
export type GanErrorKind = 'config' | 'input' | 'checkpoint' | 'diverged';

/**
 * The one error type @dlkit/gan throws on bad input, bad files or a diverged run; `message` names the
 * problem with the expected and found values.
 */
export class GanError extends Error {
  override readonly name = 'GanError';
  constructor(
    readonly kind: GanErrorKind,
    message: string,
  ) {
    super(message);
  }
}
