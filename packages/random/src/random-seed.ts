/**
 * A fresh seed, for when the caller gave none: a whole number in 0 … 2³²−1 from `Math.random`.
 * Record it if the run may need repeating.
 *
 * @example
 * const seed = options.seed ?? randomSeed();
 */
export function randomSeed(): number {
  return Math.floor(Math.random() * 4294967296);
}
