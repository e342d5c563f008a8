// Random LSTM problems shared by the tests: small weights keep gates away from saturation.
import { seededRandom as random } from '@dlkit/random';
import { type Float64Tensor, float64Tensor } from '../src/index';

export interface LstmCase {
  T: number;
  B: number;
  X: number;
  H: number;
  x: Float64Tensor;
  W: Float64Tensor;
  b: Float64Tensor;
  h0: Float64Tensor;
  c0: Float64Tensor;
  dh: Float64Tensor;
  dc: Float64Tensor;
}

export function randomCase(T: number, B: number, X: number, H: number, seed: number, scale = 0.6): LstmCase {
  const next = random(seed);
  const fill = (shape: number[], s = scale) =>
    float64Tensor(
      shape,
      Array.from({ length: shape.reduce((a, c) => a * c, 1) }, () => (next() * 2 - 1) * s),
    );
  return {
    T,
    B,
    X,
    H,
    x: fill([T, B, X], 1),
    W: fill([4 * H, H + X]),
    b: fill([4 * H]),
    h0: fill([B, H], 0.5),
    c0: fill([B, H], 0.5),
    dh: fill([T, B, H], 1),
    dc: fill([B, H], 1),
  };
}

/** Σ a ⊙ b: the linear loss whose gradient with respect to `a` is `b`. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k]! * b[k]!;
  return sum;
}
