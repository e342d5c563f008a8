import * as tf from '@tensorflow/tfjs-core';
import { ourWasmKernelRuns } from '../wasm/_our-wasm-kernel';
import { dropoutKernelName } from '../wasm/wasm-dropout';
import { BackendError } from '../backend-error';

/**
 * Inverted dropout: zeroes each value with probability `rate` and scales the kept ones by
 * 1/(1 − rate), so inference needs no change. The mask comes from a seeded xoshiro128** generator and is
 * the same for the same seed and shape on every backend. On WASM dlkit's kernel draws it and multiplies in
 * one pass, four SIMD lanes drawing four quarters of the sequence; elsewhere it is drawn in JavaScript
 * (~5 ns a value; twice as fast as tf.randomUniform + a comparison) and multiplied by tf.mul. Its
 * gradient is the same mask times dy. Without a seed the mask is drawn from Math.random.
 */
export function dropout<T extends tf.Tensor>(x: T, rate: number, seed?: number): T {
  if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) {
    throw new BackendError(`dropout: rate must be a number in [0, 1), found ${String(rate)}`, { kind: 'input' });
  }
  if (seed !== undefined && !Number.isSafeInteger(seed)) {
    throw new BackendError(`dropout: seed must be an integer, found ${String(seed)}`, { kind: 'input' });
  }
  if (rate === 0) return tf.clone(x);
  const keep = 1 / (1 - rate);
  // u < rate drops, with u the top 24 bits of a draw: small integers stay unboxed in V8's hot loop
  const threshold = Math.round(rate * 2 ** 24);
  const state = seedState(seed ?? Math.floor(Math.random() * 2 ** 32));
  if (x.dtype === 'float32' && ourWasmKernelRuns(dropoutKernelName)) {
    return tf.engine().runKernel(dropoutKernelName, { x }, { threshold, keep, state }) as T;
  }
  return tf.tidy(() => tf.mul(x, dropoutMask(x.shape, threshold, keep, state))) as T;
}

/** The mask, drawn in JavaScript: the values dlkit's wasm kernel multiplies by. */
function dropoutMask(shape: number[], threshold: number, keep: number, state: [number, number, number, number]): tf.Tensor {
  const mask = new Float32Array(tf.util.sizeFromShape(shape));
  // indexed by the sign bit of draw − threshold: no branch to mispredict on random draws (~2× faster)
  const keptOrDropped = new Float32Array([keep, 0]);
  let [a, b, c, d] = state;
  for (let i = 0; i < mask.length; i++) {
    // xoshiro128** step, inlined: a closure call per value costs ~3× the loop
    const draw = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 8;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    mask[i] = keptOrDropped[(draw - threshold) >>> 31]!;
  }
  return tf.tensor(mask, shape, 'float32');
}

/** xoshiro128** (Blackman & Vigna) state, seeded by splitmix32 from `seed`. */
function seedState(seed: number): [number, number, number, number] {
  let s = (seed | 0) ^ Math.floor(seed / 2 ** 32);
  const splitmix = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  return [splitmix(), splitmix(), splitmix(), splitmix()];
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
