/** What went wrong: bad input (arguments, data, files) or a training run whose loss became NaN or infinite. */
export type VaeErrorKind = 'input' | 'diverged';

/**
 * Thrown for bad input to any @dlkit/vae function and for diverged training: the message names the
 * problem, what was expected and what was found; `kind` is 'input' (the default) or 'diverged', and
 * `cause` (as on any Error) holds the error it wraps, if any.
 *
 * @example
 * throw new VaeError('trainVae: training diverged at epoch 3, step 170: loss NaN', { kind: 'diverged' });
 */
export class VaeError extends Error {
  override readonly name = 'VaeError';
  readonly kind: VaeErrorKind;

  constructor(message: string, options?: { kind: VaeErrorKind } & ErrorOptions) {
    super(message, options);
    this.kind = options?.kind ?? 'input';
  }
}
