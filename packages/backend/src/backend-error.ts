/**
 * What kind of failure a BackendError is, for a caller to branch on:
 * - 'unavailable': a backend, or a kernel of dlkit's, cannot run on this machine or engine;
 * - 'input': an argument or setting is out of range or does not fit (shapes, rates, seeds, thread counts);
 * - 'internal': something dlkit relies on is not as expected (a tfjs version it does not know, a broken invariant).
 */
export type BackendErrorKind = 'unavailable' | 'input' | 'internal';

/**
 * The error @dlkit/backend throws for its own failures. The message names the problem with the
 * expected and the found values; `kind` says what sort of failure it is; `cause`, when set, is the
 * error it came from.
 */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  readonly kind: BackendErrorKind;

  constructor(message: string, options: { kind: BackendErrorKind } & ErrorOptions) {
    super(message, options);
    this.kind = options.kind;
  }
}
