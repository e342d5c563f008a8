/** What went wrong: bad input (arguments, data, files) or a training run whose loss became NaN or infinite. */
export type VaeErrorKind = 'input' | 'diverged';

/** Thrown for bad input to any @dlkit/vae function and for diverged training: the message names the problem, what was expected and what was found. */
export class VaeError extends Error {
  override readonly name = 'VaeError';
  constructor(
    message: string,
    readonly kind: VaeErrorKind = 'input',
  ) {
    super(message);
  }
}
