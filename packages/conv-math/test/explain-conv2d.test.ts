import { describe, expect, test } from 'vitest';
import { ConvMathError, conv2d, explainConv2d } from '../src/index';

import { seedW, seedX } from './_seed-example';

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
