import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { initBackend, setFastKernels, setWasmGemm } from '../../src/index';
import { referenceConv, worstConvError } from '../_gemm-reference';

beforeAll(async () => {
  await initBackend('wasm', { threads: 1, env: {} });
});
afterAll(() => {
  setWasmGemm('auto');
  setFastKernels(true);
});

type Pad = 'same' | 'valid' | number | [[0, 0], [number, number], [number, number], [0, 0]];
// x shape, filter shape, strides, pad, dilations
const geometries: [string, [number, number, number, number], [number, number, number, number], [number, number], Pad, [number, number]][] =
  [
    ['3×3, stride 1, same', [2, 7, 7, 3], [3, 3, 3, 5], [1, 1], 'same', [1, 1]],
    ['5×5, stride 2, same (the DCGAN)', [2, 8, 8, 3], [5, 5, 3, 4], [2, 2], 'same', [1, 1]],
    ['3×3, stride 2, valid, odd sides', [3, 9, 7, 2], [3, 3, 2, 6], [2, 2], 'valid', [1, 1]],
    [
      '2×3, strides 1×2, explicit padding',
      [1, 6, 5, 4],
      [2, 3, 4, 3],
      [1, 2],
      [
        [0, 0],
        [1, 2],
        [0, 1],
        [0, 0],
      ],
      [1, 1],
    ],
    ['3×3, dilated rows', [2, 9, 9, 3], [3, 3, 3, 2], [1, 1], 'same', [2, 1]],
    ['1×1', [2, 5, 5, 6], [1, 1, 6, 7], [1, 1], 'valid', [1, 1]],
    ['one input channel, 1568 patch rows (several blocks)', [8, 14, 14, 1], [5, 5, 1, 8], [1, 1], 'same', [1, 1]],
    ['32 channels in, 64 out, stride 2 (the DCGAN)', [4, 14, 14, 32], [5, 5, 32, 64], [2, 2], 'same', [1, 1]],
    // three padded rows of 202·512 values exceed a thread's im2col buffer: the forward pads all of x once
    ['rows too long to pad per block', [1, 3, 200, 512], [3, 3, 512, 2], [1, 1], 'same', [1, 1]],
    // six images a tile (four for mul+add), padding taps skipped: groups of 6 and a last one of 1, 10 outputs
    ['image groups, 5×5, stride 2, same, 13 images', [13, 14, 14, 32], [5, 5, 32, 10], [2, 2], 'same', [1, 1]],
    [
      'image groups, 3×3, strides 2×1, explicit padding',
      [7, 9, 8, 16],
      [3, 3, 16, 5],
      [2, 1],
      [
        [0, 0],
        [3, 1],
        [0, 2],
        [0, 0],
      ],
      [1, 1],
    ],
    ['image groups, 3×3, dilated rows', [9, 9, 9, 16], [3, 3, 16, 3], [1, 1], 'same', [2, 1]],
    // 32 rows of 8·1000 values fit a thread's buffer, 256 pixels read 33: the forward's blocks shrink to 249
    ['blocks shortened for their rows to fit', [1, 40, 8, 1000], [1, 1, 1000, 2], [1, 1], 'valid', [1, 1]],
  ];

function geometry(
  xShape: [number, number, number, number],
  wShape: [number, number, number, number],
  strides: [number, number],
  pad: Pad,
  dilations: [number, number],
) {
  return tf.backend_util.computeConv2DInfo(xShape, wShape, strides, dilations, pad as 'same');
}

describe.each(['fma', 'mul-add'] as const)("setWasmGemm('%s'): convolutions", (variant) => {
  beforeAll(() => setWasmGemm(variant));

  test.each(geometries)(
    '%s: Conv2D, Conv2DBackpropInput and Conv2DBackpropFilter within float32 of float64, no tensor leaked',
    (_, xShape, wShape, strides, pad, dilations) => {
      const g = geometry(xShape, wShape, strides, pad, dilations);
      const x = tf.randomUniform(xShape, -1, 1, 'float32', 1) as tf.Tensor4D;
      const w = tf.randomUniform(wShape, -1, 1, 'float32', 2) as tf.Tensor4D;
      const dy = tf.randomUniform(g.outShape, -1, 1, 'float32', 3) as tf.Tensor4D;
      const before = tf.memory().numTensors;
      const y = tf.conv2d(x, w, strides, pad as 'same', 'NHWC', dilations);
      // tfjs's gradient kernels have no dilations: a dilated convolution is checked forward only
      const gradients = dilations[0] === 1;
      const dx = gradients
        ? (tf
            .engine()
            .runKernel(tf.Conv2DBackpropInput, { dy, filter: w }, { strides, pad, dataFormat: 'NHWC', inputShape: xShape }) as tf.Tensor)
        : undefined;
      const dw = gradients
        ? (tf
            .engine()
            .runKernel(tf.Conv2DBackpropFilter, { x, dy }, { strides, pad, dataFormat: 'NHWC', filterShape: wShape }) as tf.Tensor)
        : undefined;
      expect(tf.memory().numTensors).toBe(before + (gradients ? 3 : 1));
      expect(y.shape).toEqual(g.outShape);
      expect(worstConvError(y.dataSync(), referenceConv(g, 'forward', x.dataSync(), w.dataSync()))).toBeLessThan(1);
      if (dx) expect(worstConvError(dx.dataSync(), referenceConv(g, 'input', dy.dataSync(), w.dataSync()))).toBeLessThan(1);
      if (dw) expect(worstConvError(dw.dataSync(), referenceConv(g, 'filter', x.dataSync(), dy.dataSync()))).toBeLessThan(1);
      tf.dispose([x, w, dy, y, ...(dx ? [dx] : []), ...(dw ? [dw] : [])]);
    },
  );

  /** Whether `run` on a batch gives, bit for bit, `run` on each of its images alone (one image: the pixel blocks). */
  function batchEqualsEachAlone(run: (images: tf.Tensor4D) => tf.Tensor, batch: tf.Tensor4D): boolean {
    const together = tf.tidy(() => run(batch).dataSync() as Float32Array);
    const alone = tf.tidy(() => tf.unstack(batch).flatMap((image) => Array.from(run(tf.expandDims(image, 0) as tf.Tensor4D).dataSync())));
    return Buffer.from(together.buffer).equals(Buffer.from(Float32Array.from(alone).buffer));
  }

  test('a batch convolved in image groups (padding taps skipped) gives each image convolved alone, bit for bit', () => {
    const x = tf.randomNormal([13, 14, 14, 32], 0, 1, 'float32', 7) as tf.Tensor4D;
    const w = tf.randomNormal([5, 5, 32, 10], 0, 0.1, 'float32', 8) as tf.Tensor4D;
    const bias = tf.randomNormal([10], 0, 0.1, 'float32', 9);
    const attrs = { strides: 2, pad: 'same', dataFormat: 'NHWC', dilations: 1, activation: 'leakyrelu', leakyreluAlpha: 0.2 };
    const conv = (images: tf.Tensor4D) => tf.engine().runKernel(tf.FusedConv2D, { x: images, filter: w, bias }, attrs) as tf.Tensor;
    expect(batchEqualsEachAlone(conv, x)).toBe(true);
    tf.dispose([x, w, bias]);
  });

  test("a batch's input gradient in image groups (tiles outside the image skipped) gives each image's alone, bit for bit", () => {
    const dy = tf.randomNormal([13, 7, 7, 10], 0, 1, 'float32', 10) as tf.Tensor4D;
    const w = tf.randomNormal([5, 5, 32, 10], 0, 0.1, 'float32', 11) as tf.Tensor4D;
    const grad = (images: tf.Tensor4D) =>
      tf
        .engine()
        .runKernel(
          tf.Conv2DBackpropInput,
          { dy: images, filter: w },
          { strides: 2, pad: 'same', dataFormat: 'NHWC', inputShape: [images.shape[0], 14, 14, 32] },
        ) as tf.Tensor;
    expect(batchEqualsEachAlone(grad, dy)).toBe(true);
    tf.dispose([dy, w]);
  });

  test.each(['relu', 'leakyrelu', 'sigmoid'] as const)('FusedConv2D with bias and %s equals the unfused ops', (activation) => {
    const x = tf.randomUniform([3, 10, 10, 4], -1, 1, 'float32', 4) as tf.Tensor4D;
    const w = tf.randomUniform([3, 3, 4, 6], -1, 1, 'float32', 5) as tf.Tensor4D;
    const bias = tf.randomUniform([6], -1, 1, 'float32', 6);
    const fused = tf.engine().runKernel(
      tf.FusedConv2D,
      { x, filter: w, bias },
      {
        strides: 2,
        pad: 'same',
        dataFormat: 'NHWC',
        dilations: 1,
        activation,
        leakyreluAlpha: 0.25,
      },
    ) as tf.Tensor;
    const expected = tf.tidy(() => {
      const linear = tf.add(tf.conv2d(x, w, 2, 'same'), bias);
      return activation === 'relu' ? tf.relu(linear) : activation === 'leakyrelu' ? tf.leakyRelu(linear, 0.25) : tf.sigmoid(linear);
    });
    const got = fused.dataSync();
    const want = expected.dataSync();
    for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i]!, 5);
    tf.dispose([x, w, bias, fused, expected]);
  });
});

describe('gradients and registration', () => {
  test("conv2d's and conv2dTranspose's gradients run on wasm with the GEMM on, and equal float64's", () => {
    setWasmGemm('auto');
    const g = geometry([2, 8, 8, 3], [5, 5, 3, 4], [2, 2], 'same', [1, 1]);
    const x = tf.randomUniform([2, 8, 8, 3], -1, 1, 'float32', 7) as tf.Tensor4D;
    const w = tf.randomUniform([5, 5, 3, 4], -1, 1, 'float32', 8) as tf.Tensor4D;
    const probe = tf.randomUniform(g.outShape, -1, 1, 'float32', 9);
    const before = tf.memory().numTensors;
    const [dx, dw] = tf.grads((xi: tf.Tensor, wi: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(xi as tf.Tensor4D, wi as tf.Tensor4D, 2, 'same'), probe)),
    )([x, w]);
    expect(worstConvError(dx!.dataSync(), referenceConv(g, 'input', probe.dataSync(), w.dataSync()))).toBeLessThan(1);
    expect(worstConvError(dw!.dataSync(), referenceConv(g, 'filter', x.dataSync(), probe.dataSync()))).toBeLessThan(1);
    // conv2dTranspose(probe) is the input gradient above: its gradients are conv2d and the filter gradient again
    const [dProbe, dwT] = tf.grads((p: tf.Tensor, wi: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2dTranspose(p as tf.Tensor4D, wi as tf.Tensor4D, [2, 8, 8, 3], 2, 'same'), x)),
    )([probe, w]);
    expect(worstConvError(dProbe!.dataSync(), referenceConv(g, 'forward', x.dataSync(), w.dataSync()))).toBeLessThan(1);
    expect(worstConvError(dwT!.dataSync(), referenceConv(g, 'filter', x.dataSync(), probe.dataSync()))).toBeLessThan(1);
    tf.dispose([dx!, dw!, dProbe!, dwT!]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, w, probe]);
  });

  test('Conv2DBackpropFilter is registered for wasm exactly while the GEMM runs', () => {
    const registered = () => tf.getKernel(tf.Conv2DBackpropFilter, 'wasm') !== undefined;
    setWasmGemm('auto');
    expect(registered()).toBe(true);
    setFastKernels(false);
    expect(registered()).toBe(false);
    setFastKernels(true);
    expect(registered()).toBe(true);
    setWasmGemm('off');
    expect(registered()).toBe(false);
    setWasmGemm('auto');
    expect(registered()).toBe(true);
  });

  test('setWasmGemm rejects what is not a choice, naming it', () => {
    expect(() => setWasmGemm('fast' as 'auto')).toThrow(/setWasmGemm: expected one of auto, fma, mul-add, off, found fast/);
  });
});
