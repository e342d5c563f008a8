import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BackendError, initBackend, movingAverage, setFastKernels } from '../../src/index';

afterAll(() => setFastKernels(true));

/** Float32 values with exponents from 2^-9 to 2^6 and both signs, from a seeded generator (mulberry32). */
function values(length: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return Float32Array.from({ length }, () => (next() - 0.5) * 2 ** (Math.floor(next() * 16) - 8));
}

const inputsByLength = new Map<number, [Float32Array, Float32Array]>();

/** An average and a current value of `length` values, made once for every configuration. */
function inputs(length: number): [Float32Array, Float32Array] {
  if (!inputsByLength.has(length)) inputsByLength.set(length, [values(length, length), values(length, length + 1)]);
  return inputsByLength.get(length)!;
}

/**
 * The indices where two float32 arrays differ bit for bit, with both values (at most 3 listed). With
 * `anyNaN` every NaN equals every other: the sign and payload of a NaN result vary with the hardware.
 */
function bitDifferences(found: Float32Array, expected: Float32Array, { anyNaN = false } = {}): string[] {
  if (found.length !== expected.length) return [`length ${found.length}, expected ${expected.length}`];
  const [a, b] = [new Uint32Array(found.buffer, found.byteOffset, found.length), new Uint32Array(expected.buffer, expected.byteOffset)];
  const differences: string[] = [];
  for (let i = 0; i < a.length && differences.length < 3; i++) {
    if (a[i] !== b[i] && !(anyNaN && Number.isNaN(found[i]) && Number.isNaN(expected[i]))) {
      differences.push(`[${i}]: ${found[i]}, expected ${expected[i]}`);
    }
  }
  return differences;
}

/** decay·average + (1 − decay)·current in float32 as IEEE rounds it: each product, then the sum. */
function reference(average: Float32Array, current: Float32Array, decay: number): Float32Array {
  const [d, e] = [Math.fround(decay), Math.fround(1 - decay)];
  return average.map((a, i) => Math.fround(Math.fround(a * d) + Math.fround(current[i]! * e)));
}

/** The tfjs ops movingAverage stands for, read back (outside tidy, which would walk a returned array's every value). */
function composedForm(average: tf.Tensor, current: tf.Tensor, decay: number): Float32Array {
  const composed = tf.tidy(() => tf.add(tf.mul(average, decay), tf.mul(current, 1 - decay)));
  const read = composed.dataSync() as Float32Array;
  composed.dispose();
  return read;
}

// wasm with dlkit's kernel (fast kernels on), wasm with tfjs's ops (off), and cpu (tfjs's ops either way).
const configurations = [
  ['wasm', true],
  ['wasm', false],
  ['cpu', true],
] as const;

describe.each(configurations)('movingAverage on %s, fast kernels %s', (backend, fast) => {
  beforeAll(async () => {
    await initBackend(backend, { env: {} });
    setFastKernels(fast);
  });

  test.each([1, 3, 4, 5, 1_000_003])(
    'equals tf.add(tf.mul(average, decay), tf.mul(current, 1 − decay)) bit for bit, length %i (vector body and scalar tail)',
    (length) => {
      const [a, c] = inputs(length);
      const [average, current] = [tf.tensor1d(a), tf.tensor1d(c)];
      for (const decay of [0, 0.5, 0.995, 0.9999, 1]) {
        const before = tf.memory().numTensors;
        const result = movingAverage(average, current, decay);
        expect(tf.memory().numTensors).toBe(before + 1);
        const found = result.dataSync() as Float32Array;
        const composed = composedForm(average, current, decay);
        expect(bitDifferences(found, composed), `decay ${decay}`).toEqual([]);
        expect(bitDifferences(found, reference(a, c, decay)), `decay ${decay}`).toEqual([]);
        expect(result.dtype).toBe('float32');
        result.dispose();
      }
      tf.dispose([average, current]);
    },
  );

  test('keeps the shape, and treats edge values as the tfjs ops do: ±0, subnormals, the largest floats, ±∞, NaN', () => {
    const edges = [0, -0, 1e-45, -1e-45, 1.1754942e-38, 3.4028235e38, -3.4028235e38, 1, -1, 0.1, 7, Infinity, -Infinity, Number.NaN];
    const [average, current] = [tf.tensor2d(edges, [2, 7]), tf.tensor2d([...edges].reverse(), [2, 7])];
    for (const decay of [0, 1e-7, 0.5, 0.9999, 1]) {
      const result = movingAverage(average, current, decay);
      expect(result.shape).toEqual([2, 7]);
      const composed = composedForm(average, current, decay);
      expect(bitDifferences(result.dataSync() as Float32Array, composed, { anyNaN: true }), `decay ${decay}`).toEqual([]);
      result.dispose();
    }
    tf.dispose([average, current]);
  });

  test('runs as one DlkitMovingAverage kernel on wasm with fast kernels on, else as tfjs Multiply, Multiply, Add', async () => {
    const [average, current] = [tf.ones([8]), tf.zeros([8])];
    const { kernels } = await tf.profile(() => movingAverage(average, current, 0.9));
    expect(kernels.map((kernel) => kernel.name)).toEqual(
      backend === 'wasm' && fast ? ['DlkitMovingAverage'] : ['Multiply', 'Multiply', 'Add'],
    );
    tf.dispose([average, current]);
  });

  test('a decay outside [0, 1] or tensors that are not float32 of one shape are one clear BackendError, and nothing leaks', () => {
    const [a, b, wide, ints] = [tf.zeros([3]), tf.ones([3]), tf.zeros([1, 3]), tf.zeros([3], 'int32')];
    const before = tf.memory().numTensors;
    const fails = (fn: () => unknown, message: string) => {
      expect(fn).toThrow(new BackendError(message, { kind: 'input' }));
      let thrown: unknown;
      try {
        fn();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(BackendError);
      expect((thrown as BackendError).kind).toBe('input');
    };
    fails(() => movingAverage(a, b, -0.1), 'movingAverage: decay must be a number in [0, 1], found -0.1');
    fails(() => movingAverage(a, b, 1.5), 'movingAverage: decay must be a number in [0, 1], found 1.5');
    fails(() => movingAverage(a, b, Number.NaN), 'movingAverage: decay must be a number in [0, 1], found NaN');
    fails(() => movingAverage(a, b, '0.5' as unknown as number), 'movingAverage: decay must be a number in [0, 1], found 0.5');
    fails(() => movingAverage(a, wide, 0.5), 'movingAverage: average [3] and current [1,3] must have the same shape');
    fails(() => movingAverage(a, ints, 0.5), 'movingAverage: average and current must be float32, found float32 and int32');
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b, wide, ints]);
  });
});
