import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { conv2d, type FlatTensor, hwioToOihw, nchwToNhwc, nhwcToNchw, oihwToHwio } from '../src/index';

// tfjs is a dev dependency only: the reference these tests hold conv2d to.
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

function random(shape: number[], seed: number): FlatTensor<Float32Array> {
  let state = seed >>> 0 || 1;
  const data = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
  return { data, shape };
}

function expectClose(ours: Float32Array, theirs: Float32Array | Int32Array | Uint8Array) {
  expect(ours.length).toBe(theirs.length);
  for (let i = 0; i < ours.length; i++) expect(Math.abs(ours[i]! - theirs[i]!)).toBeLessThan(1e-4 * (1 + Math.abs(theirs[i]!)));
}

/** Runs tfjs conv2d on our NCHW / OIHW tensors through the layout converters; returns NCHW. */
function tfjsConv2d(
  x: FlatTensor<Float32Array>,
  w: FlatTensor<Float32Array>,
  stride: [number, number],
  dilation: [number, number],
  pad: 'valid' | 'same' | [number, number, number, number],
): FlatTensor<Float32Array> {
  const xNhwc = nchwToNhwc(x);
  const wHwio = oihwToHwio(w);
  const tfPad =
    typeof pad === 'string'
      ? pad
      : ([
          [0, 0],
          [pad[0], pad[1]],
          [pad[2], pad[3]],
          [0, 0],
        ] as [[number, number], [number, number], [number, number], [number, number]]);
  const before = tf.memory().numTensors;
  const out = tf.tidy(() =>
    tf.conv2d(
      tf.tensor4d(xNhwc.data, xNhwc.shape as [number, number, number, number]),
      tf.tensor4d(wHwio.data, wHwio.shape as [number, number, number, number]),
      stride,
      tfPad,
      'NHWC',
      dilation,
    ),
  );
  const result = { data: out.dataSync() as Float32Array, shape: out.shape };
  out.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return nhwcToNchw(result);
}

describe('conv2d(x, w, options) agrees with tfjs conv2d (cpu backend)', () => {
  test('on the seed example', () => {
    const x = { data: Float32Array.from({ length: 16 }, (_, i) => i + 1), shape: [1, 1, 4, 4] };
    const w = { data: Float32Array.of(4, 2, 5, 1), shape: [1, 1, 2, 2] };
    const theirs = tfjsConv2d(x, w, [2, 2], [1, 1], [1, 1, 1, 1]);
    expect(Array.from(theirs.data)).toEqual([1, 13, 20, 19, 99, 92, 26, 86, 64]);
    expect(Array.from(conv2d(x, w, { padding: 1, stride: 2 }).data)).toEqual(Array.from(theirs.data));
  });

  test('on random shapes, paddings, strides and dilations', () => {
    const shapes = fc.record({
      batch: fc.integer({ min: 1, max: 2 }),
      cin: fc.integer({ min: 1, max: 4 }),
      cout: fc.integer({ min: 1, max: 7 }), // four at a time plus a remainder
      height: fc.integer({ min: 4, max: 11 }),
      width: fc.integer({ min: 4, max: 11 }),
      kh: fc.integer({ min: 1, max: 4 }),
      kw: fc.integer({ min: 1, max: 4 }),
      // tfjs conv2d takes strides or dilations above 1, not both.
      strideOrDilation: fc.oneof(
        fc.record({
          stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
          dilation: fc.constant<[number, number]>([1, 1]),
        }),
        fc.record({
          stride: fc.constant<[number, number]>([1, 1]),
          dilation: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
        }),
      ),
      pad: fc.oneof(
        fc.constantFrom('valid' as const, 'same' as const),
        fc.tuple(
          fc.integer({ min: 0, max: 2 }),
          fc.integer({ min: 0, max: 2 }),
          fc.integer({ min: 0, max: 2 }),
          fc.integer({ min: 0, max: 2 }),
        ),
      ),
      seed: fc.integer({ min: 1, max: 1e9 }),
    });
    fc.assert(
      fc.property(shapes, (p) => {
        const { stride, dilation } = p.strideOrDilation;
        const x = random([p.batch, p.cin, p.height, p.width], p.seed);
        const w = random([p.cout, p.cin, p.kh, p.kw], p.seed + 1);
        const ours = conv2d(x, w, { stride, dilation, padding: p.pad });
        const theirs = tfjsConv2d(x, w, stride, dilation, p.pad);
        expect(ours.shape).toEqual(theirs.shape);
        expectClose(ours.data, theirs.data);
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  test('groups = channels agrees with tfjs depthwiseConv2d, with a channel multiplier', () => {
    const cin = 3;
    const multiplier = 2;
    const x = random([2, cin, 7, 6], 11);
    // Our weights [Cin·M, 1, kH, kW], output channel c·M + m; tfjs depthwise filter [kH, kW, Cin, M].
    const w = random([cin * multiplier, 1, 3, 2], 12);
    const ours = conv2d(x, w, { groups: cin, stride: [2, 1], padding: [1, 0] });
    const filter = tf.tensor4d(
      Float32Array.from({ length: 3 * 2 * cin * multiplier }, (_, i) => {
        const m = i % multiplier;
        const c = Math.floor(i / multiplier) % cin;
        const kw = Math.floor(i / (multiplier * cin)) % 2;
        const kh = Math.floor(i / (multiplier * cin * 2));
        return w.data[((c * multiplier + m) * 3 + kh) * 2 + kw]!;
      }),
      [3, 2, cin, multiplier],
    );
    const xNhwc = nchwToNhwc(x);
    const input = tf.tensor4d(xNhwc.data, xNhwc.shape as [number, number, number, number]);
    const out = tf.depthwiseConv2d(
      input,
      filter,
      [2, 1],
      [
        [0, 0],
        [1, 1],
        [0, 0],
        [0, 0],
      ],
    );
    const theirs = nhwcToNchw({ data: out.dataSync() as Float32Array, shape: out.shape });
    tf.dispose([filter, input, out]);
    expect(ours.shape).toEqual(theirs.shape);
    expectClose(ours.data, theirs.data);
  });
});

describe('layout converters', () => {
  test('nchwToNhwc and nhwcToNchw are inverses and move values where tfjs expects them', () => {
    const x = random([2, 3, 4, 5], 3);
    const nhwc = nchwToNhwc(x);
    expect(nhwc.shape).toEqual([2, 4, 5, 3]);
    // x[n=1][c=2][h=3][w=4] → nhwc[1][3][4][2]
    expect(nhwc.data[((1 * 4 + 3) * 5 + 4) * 3 + 2]).toBe(x.data[((1 * 3 + 2) * 4 + 3) * 5 + 4]);
    expect(nhwcToNchw(nhwc)).toEqual(x);
  });

  test('hwioToOihw and oihwToHwio are inverses; nested arrays stay nested', () => {
    const w = random([3, 2, 4, 5], 9);
    expect(hwioToOihw(oihwToHwio(w))).toEqual(w);
    const nested = [[[[1, 2]], [[3, 4]]]]; // OIHW [1, 2, 1, 2]
    expect(oihwToHwio(nested)).toEqual([
      [
        [[1], [3]],
        [[2], [4]],
      ],
    ]); // HWIO [1, 2, 2, 1]
  });

  test('reject a tensor that is not 4-D', () => {
    expect(() => nchwToNhwc({ data: new Float32Array(6), shape: [2, 3] })).toThrow(/expects a 4-D NCHW tensor; found shape \[2, 3\]/);
    expect(() => hwioToOihw([[[1]]] as never)).toThrow(/expects a 4-D HWIO tensor/);
  });
});
