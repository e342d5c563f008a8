import { describe, expect, test } from 'vitest';
import {
  batchNormParams,
  ConvMathError,
  convParams,
  denseParams,
  depthwiseSeparableParams,
  formatNetworkSummary,
  layerCost,
  lenet5,
  lenet5Reduced,
  networkPresets,
  summarizeNetwork,
} from '../src/index';

describe('parameter counts', () => {
  test.each([
    ["LeNet's C1", { inChannels: 1, outChannels: 6, kernel: 5 }, 156],
    ["the seed's reduction", { inChannels: 1, outChannels: 5, kernel: 4 }, 85],
    ['without bias', { inChannels: 3, outChannels: 16, kernel: 5, bias: false }, 1200],
    ['non-square kernel', { inChannels: 2, outChannels: 4, kernel: [3, 1] as [number, number] }, 28],
    ['two groups', { inChannels: 6, outChannels: 16, kernel: 5, groups: 2 }, 1216],
    ['depthwise (groups = channels)', { inChannels: 32, outChannels: 32, kernel: 3, groups: 32 }, 320],
  ])('convParams: %s', (_name, options, expected) => {
    expect(convParams(options)).toBe(expected);
  });

  test('depthwiseSeparableParams counts both steps', () => {
    expect(depthwiseSeparableParams({ inChannels: 1, outChannels: 6, kernel: 5 })).toBe(26 + 12);
    expect(depthwiseSeparableParams({ inChannels: 64, outChannels: 128, kernel: 3 })).toBe(64 * 10 + 128 * 65);
    expect(depthwiseSeparableParams({ inChannels: 8, outChannels: 16, kernel: 3, depthMultiplier: 2, bias: false })).toBe(16 * 9 + 16 * 16);
  });

  test('denseParams and batchNormParams', () => {
    expect(denseParams({ inFeatures: 120, outFeatures: 84 })).toBe(10164);
    expect(denseParams({ inFeatures: 120, outFeatures: 84, bias: false })).toBe(10080);
    expect(batchNormParams(64)).toBe(128);
  });

  test('reject groups that do not divide the channels, and non-positive sizes', () => {
    expect(() => convParams({ inChannels: 3, outChannels: 6, kernel: 3, groups: 2 })).toThrow(
      /groups = 2 must divide both channel counts; found Cin = 3, Cout = 6/,
    );
    expect(() => convParams({ inChannels: 0, outChannels: 6, kernel: 3 })).toThrow(/inChannels must be a positive integer; found 0/);
    expect(() => denseParams({ inFeatures: 10, outFeatures: 2.5 })).toThrow(/outFeatures must be a positive integer; found 2.5/);
    expect(() => batchNormParams(-1)).toThrow(ConvMathError);
  });
});

describe('layerCost(layer, input)', () => {
  test("LeNet's C1: 6×28×28, 156 params, 117,600 MACs", () => {
    expect(layerCost({ type: 'conv2d', outChannels: 6, kernel: 5 }, [1, 32, 32])).toEqual({
      outputShape: [6, 28, 28],
      params: 156,
      buffers: 0,
      macs: 28 * 28 * 6 * 25,
      flops: 2 * 28 * 28 * 6 * 25,
      activations: 6 * 28 * 28,
    });
  });

  test('an activation adds one FLOP per output; pooling costs one per window value', () => {
    expect(layerCost({ type: 'conv2d', outChannels: 6, kernel: 5, activation: 'relu' }, [1, 32, 32]).flops).toBe(2 * 117600 + 4704);
    expect(layerCost({ type: 'maxPool', kernel: 2 }, [6, 28, 28])).toMatchObject({
      outputShape: [6, 14, 14],
      params: 0,
      macs: 0,
      flops: 6 * 14 * 14 * 4,
    });
    expect(layerCost({ type: 'avgPool', kernel: 2, ceilMode: true }, [5, 15, 15]).outputShape).toEqual([5, 8, 8]);
  });

  test('batch norm: 2C params, 2C buffers; depthwise-separable; flatten; dense', () => {
    expect(layerCost({ type: 'batchNorm' }, [16, 10, 10])).toMatchObject({ params: 32, buffers: 32, outputShape: [16, 10, 10] });
    expect(layerCost({ type: 'depthwiseSeparable', outChannels: 16, kernel: 3, padding: 1 }, [8, 10, 10])).toMatchObject({
      outputShape: [16, 10, 10],
      params: 8 * 10 + 16 * 9,
      macs: 8 * 100 * 9 + 16 * 100 * 8,
    });
    expect(layerCost({ type: 'flatten' }, [16, 5, 5]).outputShape).toEqual([400]);
    expect(layerCost({ type: 'dense', outFeatures: 84 }, [120])).toMatchObject({ params: 10164, macs: 10080 });
  });

  test('rejects a dense layer on an image, a conv on a flat input and unknown types', () => {
    expect(() => layerCost({ type: 'dense', outFeatures: 10 }, [16, 5, 5])).toThrow(
      /dense needs a flat input \[features\]; found \[16, 5, 5\] \(add a flatten layer/,
    );
    expect(() => layerCost({ type: 'conv2d', outChannels: 1, kernel: 3 }, [100])).toThrow(
      /conv2d needs an image input \[C, H, W\]; found \[100\]/,
    );
    expect(() => layerCost({ type: 'lstm' } as never, [100])).toThrow(/unknown layer type "lstm"/);
  });
});

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

describe('formatNetworkSummary(summary, format)', () => {
  const summary = summarizeNetwork(lenet5);

  test('text: an aligned table with shapes, params, MACs and totals', () => {
    const text = formatNetworkSummary(summary, 'text');
    const lines = text.split('\n');
    expect(lines[0]).toBe('LeNet-5: input 1×32×32 → output 10');
    expect(text).toMatch(/^C1 \(conv2d\) +6×28×28 +156 +117,600$/m);
    expect(text).toMatch(/^output \(dense\) +10 +850 +840$/m);
    expect(text).toContain('Total params: 61,706');
    expect(text).toContain('MACs: 416,520 (416.52 K)');
    // Every table row is the same width.
    const rows = lines.slice(2, 2 + 10).filter((line) => !line.startsWith('─'));
    expect(new Set(rows.map((row) => row.length)).size).toBe(1);
  });

  test('markdown: a table with a total row; json: the summary itself', () => {
    const markdown = formatNetworkSummary(summary, 'markdown');
    expect(markdown).toContain('| C1 (conv2d) | 6×28×28 | 156 | 117,600 |');
    expect(markdown).toContain('| **Total** |  | **61,706** | **416,520** |');
    expect(JSON.parse(formatNetworkSummary(summary, 'json'))).toEqual(summary);
    expect(() => formatNetworkSummary(summary, 'html' as never)).toThrow(
      /summary format must be 'text', 'markdown' or 'json'; found "html"/,
    );
  });
});
