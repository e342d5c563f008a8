// Random LSTM problems shared by the tests: small weights keep gates away from saturation.
import { type Float64Tensor, float64Tensor } from '../src/index';

/** A seeded generator (mulberry32) so failures reproduce. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

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
  const fill = (shape: number[], s = scale) => float64Tensor(shape, Array.from({ length: shape.reduce((a, c) => a * c, 1) }, () => (next() * 2 - 1) * s));
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
