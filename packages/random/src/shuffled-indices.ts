import { seededRandom } from './seeded-random';

/**
 * The indices 0 … n−1 in an order fixed by `seed`: a Fisher–Yates shuffle driven by
 * {@link seededRandom}, so every permutation is (as near as 32 bits allow) equally likely and the same
 * seed gives the same order everywhere. Throws a RangeError unless `n` is a whole number ≥ 0.
 *
 * @example
 * shuffledIndices(10, 7); // Uint32Array [6, 5, 8, 1, 2, 3, 4, 7, 9, 0]
 */
export function shuffledIndices(n: number, seed: number): Uint32Array {
  if (!(Number.isSafeInteger(n) && n >= 0 && n <= 0xffffffff)) {
    throw new RangeError(`shuffledIndices: n must be a whole number in 0…2^32−1, found ${String(n)}`);
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const random = seededRandom(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i]!;
    order[i] = order[j]!;
    order[j] = swap;
  }
  return order;
}
