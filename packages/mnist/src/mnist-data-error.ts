/**
 * The one error @dlkit/mnist throws for bad data: a malformed IDX file, a failed or corrupt download,
 * images and labels that do not match. The message names the file and the expected and found values;
 * `file` is the file or URL, and `cause` (as on any Error) the error it wraps, if any.
 *
 * @example
 * try { readIdx('train-images-idx3-ubyte') } catch (e) { if (e instanceof MnistDataError) console.error(e.message) }
 */
export class MnistDataError extends Error {
  override readonly name = 'MnistDataError';
  /** The file or URL the problem was found in, when there is one. */
  readonly file: string | undefined;

  constructor(message: string, options?: { file?: string } & ErrorOptions) {
    super(message, options);
    this.file = options?.file;
  }
}
