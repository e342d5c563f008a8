/**
 * The one error conv-math throws for bad input: wrong shapes, non-integer or non-positive sizes,
 * a kernel larger than the padded input, a size that is not whole in `'exact'` mode, non-finite data.
 * Its message names the problem and the values expected and found, so it can be shown to a user as is.
 *
 * @example
 * try { convOutputSize({ input: 5, kernel: 2, padding: 1, stride: 2, mode: 'exact' }) }
 * catch (error) { if (error instanceof ConvMathError) console.error(error.message) }
 */
export class ConvMathError extends Error {
  override readonly name = 'ConvMathError';
}
