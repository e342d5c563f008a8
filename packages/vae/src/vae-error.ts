/** Thrown for bad input to any @dlkit/vae function: the message names the problem, what was expected and what was found. */
export class VaeError extends Error {
  override readonly name = 'VaeError';
}
