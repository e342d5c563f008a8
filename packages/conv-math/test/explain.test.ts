import { describe, expect, test } from 'vitest';
import { ConvMathError, conv2d, explainConv2d, explainOutputSize, explainParamCount } from '../src/index';

const seedX = [
  [1, 2, 3, 4],
  [5, 6, 7, 8],
  [9, 10, 11, 12],
  [13, 14, 15, 16],
];
const seedW = [
  [4, 2],
  [5, 1],
];

describe('explainConv2d(x, w, options)', () => {
  const explanation = explainConv2d(seedX, seedW, { padding: 1, stride: 2 });

  test('returns the same result as conv2d and the padded input', () => {
    expect(explanation.result).toEqual(conv2d(seedX, seedW, { padding: 1, stride: 2 }));
    expect(explanation.padded.length).toBe(6);
    expect(explanation.padded[0]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(explanation.padded[1]).toEqual([0, 1, 2, 3, 4, 0]);
  });

  test('Markdown: the size formula with numbers, every cell as a sum of products, the final matrix', () => {
    const md = explanation.markdown;
    expect(md).toContain('### Convolution of a 4×4 input with a 2×2 kernel (padding 1, stride 2)');
    expect(md).toContain('O = ⌊(L + 2P − F) / S⌋ + 1 = ⌊(4 + 2·1 − 2) / 2⌋ + 1 = ⌊4 / 2⌋ + 1 = 3');
    expect(md).toContain('- O[1][1] = 6·4 + 7·2 + 10·5 + 11·1 = 99');
    expect(md).toContain('- O[0][1] = 0·4 + 0·2 + 2·5 + 3·1 = 13');
    expect(md.match(/^- O\[\d\]\[\d\] = /gm)).toHaveLength(9);
    expect(md).toContain('```text\n 1 13 20\n19 99 92\n26 86 64\n```');
  });

  test('LaTeX: floor formula, bmatrix and an align* of every cell', () => {
    const tex = explanation.latex;
    expect(tex).toContain('\\left\\lfloor \\frac{4 + 2 \\cdot 1 - 2}{2} \\right\\rfloor + 1');
    expect(tex).toContain('O_{1,1} &= 6 \\cdot 4 + 7 \\cdot 2 + 10 \\cdot 5 + 11 \\cdot 1 = 99');
    expect(tex).toContain('\\[ O = \\begin{bmatrix}\n1 & 13 & 20 \\\\\n19 & 99 & 92 \\\\\n26 & 86 & 64\n\\end{bmatrix} \\]');
    expect(tex.match(/\\begin\{align\*\}/g)).toHaveLength(1);
  });

  test('negative values in parentheses, the bias, a flipped kernel and per-axis sizes', () => {
    const e = explainConv2d([[1, -2, 3]], [[2, -1]], { bias: 1, flipKernel: true, padding: [0, 1] });
    expect(e.result).toEqual(conv2d([[1, -2, 3]], [[2, -1]], { bias: 1, flipKernel: true, padding: [0, 1] }));
    expect(e.markdown).toContain('**Flipped kernel:**');
    expect(e.markdown).toContain('- O[0][0] = 0·(−1) + 1·2 + 1 = 3');
    expect(e.markdown).toContain('- height: O_h =');
    expect(e.latex).toContain('(-1)');
  });

  test('rejects multi-channel input and a per-channel bias array', () => {
    expect(() => explainConv2d([[[[1]]]] as never, [[[[1]]]] as never)).toThrow(/explainConv2d takes a single-channel 2-D x and w/);
    expect(() => explainConv2d([[1]], [[1]], { bias: [1] })).toThrow(/bias must be a single number/);
    expect(() => explainConv2d([[1, 2]], [[1, 2, 3]])).toThrow(ConvMathError);
  });
});

describe('explainOutputSize(options)', () => {
  test("LeNet's C1 in the form taught", () => {
    const e = explainOutputSize({ input: 32, kernel: 5 });
    expect(e.output).toBe(28);
    expect(e.markdown).toContain('O = ⌊(L + 2P − F) / S⌋ + 1 = ⌊(32 + 2·0 − 5) / 1⌋ + 1 = ⌊27 / 1⌋ + 1 = 28');
    expect(e.latex).toContain('\\frac{32 + 2 \\cdot 0 - 5}{1}');
  });

  test('dilation and asymmetric padding use the general form; ceil mode says when it drops a window', () => {
    const general = explainOutputSize({ input: 10, kernel: 3, dilation: 2, padding: [1, 0] });
    expect(general.markdown).toContain('(10 + 1 + 0 − 2·(3 − 1) − 1) / 1');
    expect(general.output).toBe(7);
    const ceil = explainOutputSize({ input: 5, kernel: 2, padding: 1, stride: 2, mode: 'ceil' });
    expect(ceil.output).toBe(3);
    expect(ceil.markdown).toMatch(/= 4 → 3 \(the last window would start in the padding/);
    const exact = explainOutputSize({ input: 32, kernel: 4, padding: 1, stride: 2, mode: 'exact' });
    expect(exact.markdown).toContain('(32 + 2·1 − 4) / 2 + 1 = 30 / 2 + 1 = 16');
  });

  test("exact mode's error names the values", () => {
    expect(() => explainOutputSize({ input: 5, kernel: 2, padding: 1, stride: 2, mode: 'exact' })).toThrow(/5\/2 \+ 1 = 3\.5/);
  });
});

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
