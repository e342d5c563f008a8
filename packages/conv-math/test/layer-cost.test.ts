import { describe, expect, test } from 'vitest';
import { layerCost } from '../src/index';

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
