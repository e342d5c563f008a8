import { describe, expect, test } from 'vitest';
import { float64Tensor, LstmShapeError, lstmForward, lstmSizes } from '../src/index';

const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));

describe('lstmForward(x, params, state)', () => {
  test('computes one step by hand (H = 1, X = 2, with bias and state)', () => {
    // Rows i, f, o, g of W act on [h0; x1, x2].
    const W = float64Tensor([4, 3], [0.1, 0.2, -0.3, 0.4, -0.5, 0.6, -0.7, 0.8, 0.9, 1.0, -1.1, 1.2]);
    const b = float64Tensor([4], [0.01, -0.02, 0.03, -0.04]);
    const x = float64Tensor([1, 1, 2], [0.5, -1]);
    const run = lstmForward(x, { W, b }, { h0: float64Tensor([1, 1], [0.3]), c0: float64Tensor([1, 1], [-0.2]) });
    const pre = [0, 1, 2, 3].map((row) => b.data[row]! + W.data[row * 3]! * 0.3 + W.data[row * 3 + 1]! * 0.5 + W.data[row * 3 + 2]! * -1);
    const [i, f, o, g] = [sigmoid(pre[0]!), sigmoid(pre[1]!), sigmoid(pre[2]!), Math.tanh(pre[3]!)];
    const c = f * -0.2 + i * g;
    expect(run.preactivation.g.data[0]).toBeCloseTo(pre[3]!, 15);
    expect([run.gate.i.data[0], run.gate.f.data[0], run.gate.o.data[0], run.gate.g.data[0]]).toEqual([i, f, o, g]);
    expect(run.c.data[0]).toBe(c);
    expect(run.tanhC.data[0]).toBe(Math.tanh(c));
    expect(run.h.data[0]).toBe(o * Math.tanh(c));
  });

  test('starts from zero state and feeds h_t, c_t into the next step', () => {
    const W = float64Tensor(
      [8, 3],
      Array.from({ length: 24 }, (_, k) => Math.cos(k) * 0.4),
    );
    const x = float64Tensor([2, 1, 1], [1, -1]);
    const whole = lstmForward(x, { W });
    const first = lstmForward(float64Tensor([1, 1, 1], [1]), { W });
    const second = lstmForward(
      float64Tensor([1, 1, 1], [-1]),
      { W },
      { h0: float64Tensor([1, 2], first.h.data), c0: float64Tensor([1, 2], first.c.data) },
    );
    expect(Array.from(whole.h.data)).toEqual([...first.h.data, ...second.h.data]);
    expect(Array.from(whole.c.data)).toEqual([...first.c.data, ...second.c.data]);
    expect(whole.sizes).toEqual({ steps: 2, batch: 1, input: 1, hidden: 2 });
  });

  test('treats batch rows independently', () => {
    const W = float64Tensor(
      [8, 5],
      Array.from({ length: 40 }, (_, k) => Math.sin(k) * 0.5),
    );
    const rows = [
      [0.1, 0.2, 0.3],
      [-1, 0.5, 2],
    ];
    const batched = lstmForward(float64Tensor([2, 2, 3], [...rows[0]!, ...rows[1]!, ...rows[1]!, ...rows[0]!]), { W });
    const alone = lstmForward(float64Tensor([2, 1, 3], [...rows[1]!, ...rows[0]!]), { W });
    // Batch row 1 saw rows[1] then rows[0]: h at (t, n=1) for t = 0, 1.
    expect([...batched.h.data.subarray(2, 4), ...batched.h.data.subarray(6, 8)]).toEqual(Array.from(alone.h.data));
  });

  test.each([
    ['W not [4H, H+X]', [2, 1, 3], [8, 4], undefined, 'W must have shape [8, 5]; found [8, 4]'],
    [
      'W rows not a multiple of 4',
      [2, 1, 3],
      [6, 5],
      undefined,
      'W must have shape [4H, H+3] with 4H a positive multiple of 4; found [6, 5]',
    ],
    ['b not [4H]', [2, 1, 3], [8, 5], [4], 'b must have shape [8]; found [4]'],
    [
      'x of the wrong width',
      [2, 1, 4],
      [8, 5],
      undefined,
      "W must have shape [8, 6]; found [8, 5] (H = 2 from W's 8 rows and X = 4 from x [2, 1, 4]; W's 5 columns fit inputs of width 3)",
    ],
    [
      'a sequence of length 0',
      [0, 1, 3],
      [8, 5],
      undefined,
      'x must have shape [T, batch, X] with T ≥ 1; found [0, 1, 3] (a sequence of length 0)',
    ],
    ['x of rank 2', [1, 3], [8, 5], undefined, 'x must have shape [T, batch, X]; found [1, 3] (rank 2 instead of 3)'],
  ])('rejects %s with a message naming both shapes', (_, xShape, wShape, bShape, message) => {
    const make = (shape: number[]) => float64Tensor(shape);
    const call = () =>
      lstmForward(make(xShape as number[]), { W: make(wShape as number[]), b: bShape ? make(bShape as number[]) : undefined });
    expect(call).toThrow(LstmShapeError);
    expect(call).toThrow(`lstm: ${message}`);
  });

  test('rejects h0 and c0 of the wrong shape, NaN, and data that does not fill the shape', () => {
    const x = float64Tensor([1, 2, 1]);
    const W = float64Tensor([4, 2]);
    expect(() => lstmForward(x, { W }, { c0: float64Tensor([1, 1]) })).toThrow('c0 must have shape [2, 1]; found [1, 1]');
    expect(() => lstmForward(float64Tensor([1, 2, 1], [0, Number.NaN]), { W })).toThrow('x holds NaN at flat index 1');
    expect(() => lstmForward({ shape: [1, 2, 1], data: new Float64Array(3) }, { W })).toThrow(
      'x has shape [1, 2, 1], which needs 2 values; found 3',
    );
  });
});

describe('lstmSizes(shapes)', () => {
  test('reads T, batch, X from x and H from W', () => {
    expect(lstmSizes({ x: [5, 3, 2], W: [16, 6], b: [16], h0: [3, 4], c0: [3, 4] })).toEqual({ steps: 5, batch: 3, input: 2, hidden: 4 });
  });
});

describe('float64Tensor(shape, values)', () => {
  test('copies values and checks their count', () => {
    expect(Array.from(float64Tensor([2, 2], [1, 2, 3, 4]).data)).toEqual([1, 2, 3, 4]);
    expect(() => float64Tensor([2, 2], [1, 2, 3])).toThrow('shape [2, 2] needs 4 values; found 3');
    expect(() => float64Tensor([2, -1])).toThrow('not a non-negative integer');
  });
});
