import { describe, expect, test } from 'vitest';
import { explainParamCount } from '../src/index';

describe('explainParamCount(layer)', () => {
  test("LeNet's C1 and the seed's reduction", () => {
    const c1 = explainParamCount({ inChannels: 1, outChannels: 6, kernel: 5 });
    expect(c1.params).toBe(156);
    expect(c1.markdown).toContain('params = C_out · (C_in · k_h · k_w + 1) = 6 · (1 · 5 · 5 + 1) = 6 · 26 = 156');
    expect(c1.markdown).toContain('150 weights and 6 biases');
    expect(c1.latex).toContain('6 \\cdot (1 \\cdot 5 \\cdot 5 + 1) = 6 \\cdot 26 = 156');
    expect(explainParamCount({ type: 'conv2d', inChannels: 1, outChannels: 5, kernel: 4 }).markdown).toContain('= 5 · 17 = 85');
  });

  test('groups, no bias, dense and depthwise-separable', () => {
    expect(explainParamCount({ inChannels: 6, outChannels: 16, kernel: 5, groups: 2, bias: false }).markdown).toContain(
      'C_out · (C_in/g · k_h · k_w) = 16 · (6/2 · 5 · 5) = 16 · 75 = 1,200',
    );
    expect(explainParamCount({ type: 'dense', inFeatures: 120, outFeatures: 84 }).markdown).toContain('84 · (120 + 1) = 10,164');
    const ds = explainParamCount({ type: 'depthwiseSeparable', inChannels: 1, outChannels: 6, kernel: 5 });
    expect(ds.params).toBe(38);
    expect(ds.markdown).toContain('= 26 + 12 = 38');
    expect(() => explainParamCount({ type: 'lstm' } as never)).toThrow(/layer type must be 'conv2d', 'dense' or 'depthwiseSeparable'/);
  });
});
