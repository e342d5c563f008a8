import { ConvMathError } from './conv-math-error';
import type { NetworkSummary } from './summarize-network';
import { formatBytes, formatCount, formatShape, groupDigits } from './_format-number';

/** Output formats of {@link formatNetworkSummary}. */
export type SummaryFormat = 'text' | 'markdown' | 'json';

/**
 * Renders a {@link NetworkSummary}: `'text'` is an aligned table like torchinfo's, `'markdown'` a
 * Markdown table, `'json'` the summary itself as indented JSON. Shapes read C×H×W (NCHW, one sample).
 *
 * @example
 * console.log(formatNetworkSummary(summarizeNetwork(lenet5), 'text'))
 */
export function formatNetworkSummary(summary: NetworkSummary, format: SummaryFormat = 'text'): string {
  if (format === 'json') return JSON.stringify(summary, null, 2);
  if (format !== 'text' && format !== 'markdown') {
    throw new ConvMathError(`summary format must be 'text', 'markdown' or 'json'; found ${JSON.stringify(format)}`);
  }
  const header = ['Layer (type)', 'Output shape', 'Params', 'MACs'];
  const rows = summary.layers.map((layer) => [
    `${layer.name} (${layer.type})`,
    formatShape(layer.outputShape),
    groupDigits(layer.params),
    groupDigits(layer.macs),
  ]);
  const t = summary.totals;
  const batchText = summary.batch === 1 ? '' : `, batch ${summary.batch}`;
  const footer = [
    `Total params: ${groupDigits(t.params)}${t.buffers > 0 ? ` (plus ${groupDigits(t.buffers)} non-trainable buffer values)` : ''}`,
    `MACs: ${groupDigits(t.macs)} (${formatCount(t.macs)}), FLOPs: ${groupDigits(t.flops)} (${formatCount(t.flops)})`,
    `Input: ${formatBytes(t.inputBytes)}, activations: ${formatBytes(t.activationBytes)}, params: ${formatBytes(t.paramBytes)} (${summary.bytesPerValue} bytes per value)`,
  ];
  const title = `${summary.name}: input ${formatShape(summary.input)}${batchText} → output ${formatShape(summary.outputShape)}`;
  if (format === 'markdown') {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    return [
      `**${title}**`,
      '',
      line(header),
      line(['---', '---', '---:', '---:']),
      ...rows.map(line),
      line(['**Total**', '', `**${groupDigits(t.params)}**`, `**${groupDigits(t.macs)}**`]),
      '',
      ...footer.map((text) => `- ${text}`),
    ].join('\n');
  }
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const render = (cells: string[]) =>
    cells.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('   ');
  const rule = '─'.repeat(render(header).length);
  return [title, rule, render(header), rule, ...rows.map(render), rule, ...footer].join('\n');
}
