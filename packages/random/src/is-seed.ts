/**
 * Whether `value` is a seed that {@link seededRandom} uses without wrapping: a whole number in
 * 0 … 2³²−1. For validating seeds that users pass in.
 *
 * @example
 * if (!isSeed(options.seed)) throw new RangeError(`seed must be a whole number in 0…2^32−1, found ${options.seed}`);
 */
export function isSeed(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}
