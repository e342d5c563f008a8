import { describe, expect, test } from 'vitest';
import { formatNetworkSummary, lenet5, summarizeNetwork } from '../src/index';

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
