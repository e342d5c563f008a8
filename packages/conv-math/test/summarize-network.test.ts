import { describe, expect, test } from 'vitest';
import { lenet5, lenet5Reduced, networkPresets, summarizeNetwork } from '../src/index';

describe('summarizeNetwork(network, options)', () => {
  test('LeNet-5: first layer 6×28×28 with 156 params; 61,706 params and 416,520 MACs in all', () => {
    const summary = summarizeNetwork(lenet5);
    expect(summary.layers[0]).toMatchObject({ name: 'C1', outputShape: [6, 28, 28], params: 156, macs: 117600 });
    expect(summary.layers.map((l) => l.outputShape)).toEqual([
      [6, 28, 28],
      [6, 14, 14],
      [16, 10, 10],
      [16, 5, 5],
      [120, 1, 1],
      [120],
      [84],
      [10],
    ]);
    expect(summary.layers.map((l) => l.params)).toEqual([156, 0, 2416, 0, 48120, 0, 10164, 850]);
    expect(summary.totals.params).toBe(61706);
    expect(summary.totals.macs).toBe(117600 + 240000 + 48000 + 10080 + 840);
    expect(summary.outputShape).toEqual([10]);
  });

  test("the seed's reduction: first layer 5×15×15 with 85 params", () => {
    const summary = summarizeNetwork(lenet5Reduced);
    expect(summary.layers[0]).toMatchObject({ outputShape: [5, 15, 15], params: 85 });
    expect(summary.outputShape).toEqual([10]);
    expect(networkPresets['lenet5-reduced']).toBe(lenet5Reduced);
  });

  test('batch scales MACs and activation memory, not parameters', () => {
    const one = summarizeNetwork(lenet5);
    const many = summarizeNetwork(lenet5, { batch: 8, bytesPerValue: 2 });
    expect(many.totals.params).toBe(one.totals.params);
    expect(many.totals.macs).toBe(8 * one.totals.macs);
    expect(many.totals.activationBytes).toBe(8 * (one.totals.activationBytes / 4) * 2);
    expect(one.totals.activationBytes).toBe(4 * (4704 + 1176 + 1600 + 400 + 120 + 120 + 84 + 10));
    expect(one.totals.inputBytes).toBe(4 * 1024);
  });

  test('names the first layer that does not fit', () => {
    const broken = { input: [1, 16, 16] as const, layers: [{ type: 'conv2d' as const, name: 'big', outChannels: 2, kernel: 20 }] };
    expect(() => summarizeNetwork(broken)).toThrow(
      /layer 0 \(big, input \[1, 16, 16\]\): height: kernel F = 20 is larger than the padded input/,
    );
    expect(() => summarizeNetwork({ input: [1, 0, 3], layers: [] } as never)).toThrow(
      /network input\[1\] must be a positive integer; found 0/,
    );
    expect(() => summarizeNetwork({ input: [1, 4], layers: [] } as never)).toThrow(
      /network input must be \[channels, height, width\] or \[features\]/,
    );
    expect(() => summarizeNetwork(lenet5, { batch: 0 })).toThrow(/batch must be a positive integer; found 0/);
  });
});
