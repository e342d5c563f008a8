import { describe, expect, test } from 'vitest';
import { explainOutputSize } from '../src/index';

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
